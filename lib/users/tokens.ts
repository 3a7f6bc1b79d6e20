import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";

// Single-use emailed links (an admin's invitation, a password reset). The token travels only in the email;
// the database keeps its SHA-256, so a leaked table opens no account. Using a link is one conditional
// update (unused, unexpired, the account active), so two uses of one link at once cannot both succeed.

export type TokenPurpose = "INVITE" | "RESET";

/** How long each kind of link works. */
export const TOKEN_VALID_HOURS: Record<TokenPurpose, number> = { INVITE: 72, RESET: 1 };

/** A password that no password verifies: an invited user has none until they set one through their link. */
export const NO_PASSWORD = "";

/** Only the hash of a link's token is stored. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes, base64url: 43 characters. */
export const newToken = () => randomBytes(32).toString("base64url");

/** Whether `value` can be a token at all (checked before any database read: hostile URLs stop here). */
export const looksLikeToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * Issues a new link for `userId` and spends the unused ones of the same purpose: only the newest link
 * works. Returns the token (to put in the email, never in a log or the audit).
 */
export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = newToken();
  await tx.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  await tx.userToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_VALID_HOURS[purpose] * 3_600_000) },
  });
  return token;
}

export type TokenStatus = "valid" | "used" | "expired" | "invalid" | "inactive";

/** What a link is now, for its page (read only: opening the page never spends the link). */
export async function tokenStatus(db: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<{ status: TokenStatus; email?: string }> {
  if (!looksLikeToken(token)) return { status: "invalid" };
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!row || row.purpose !== purpose) return { status: "invalid" };
  if (!row.user.active) return { status: "inactive" };
  if (row.usedAt) return { status: "used", email: row.user.email };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", email: row.user.email };
}

/**
 * An email's text with the tokens of password links (reset, invitation) hidden: for the in-app outbox as
 * staff read it, since whoever holds such a link can set that account's password (an admin's included).
 */
export function hidePasswordLinks(text: string): string {
  return text.replace(/(\/(?:reset-password|invite)\?token=)[A-Za-z0-9_-]+/g, "$1[hidden: only admins see password links]");
}
