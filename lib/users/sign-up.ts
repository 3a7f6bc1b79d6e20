import { createHash, randomBytes } from "node:crypto";
import { appOrigin, safeCallbackUrl } from "@/lib/auth/callback-url";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/email";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { getSettings } from "@/lib/settings/queries";
import { hashPassword } from "./password";
import type { SignUpInput } from "./sign-up-schema";
import { confirmSignUpEmail, signUpWithTakenEmail } from "./sign-up-emails";

// Signing up never says whether an email has an account: the page answers the same for both, and the email
// tells the inbox's owner (a link that creates the account, or "someone tried to sign up with your
// address"). The account exists only once its owner opened the link: nobody can hold an address they
// cannot read.

/** What the sign-up page says for every valid sign-up, new address or taken. */
export const CHECK_INBOX = "Check your inbox: we sent a link to confirm your email address.";

export const LINK_VALID_HOURS = 24;

/** At most this many sign-up emails per address and hour (beyond, the answer is the same, and no email). */
const EMAILS_PER_ADDRESS = { name: "signup-email", limit: 5, windowMs: 60 * 60_000 };

/** Only the hash of a link's token is stored: a leaked table opens no account. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Records a sign-up and queues its email: a confirmation link for a new address, a notice for a taken one.
 * Both paths hash the password (the slow part), so the answer's timing does not tell them apart either.
 * Returns the token (for tests; the page never shows it).
 */
export async function requestSignUp(db: Prisma, input: SignUpInput, now = new Date()): Promise<{ token: string }> {
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString("base64url");
  const origin = appOrigin();
  const callbackUrl = safeCallbackUrl(input.callbackUrl, origin);
  const { companyName } = await getSettings(db);
  await runTransaction(db, async (tx) => {
    const mayEmail = (await hitRateLimit(tx, EMAILS_PER_ADDRESS, input.email)).ok;
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { name: true } });
    if (existing) {
      const signInLink = `${origin}/login?${new URLSearchParams({ email: input.email, callbackUrl })}`;
      if (mayEmail) await enqueueEmail(tx, { to: input.email, ...signUpWithTakenEmail({ name: existing.name, signInLink, companyName }) });
      return;
    }
    await tx.pendingSignUp.create({
      data: {
        email: input.email,
        name: input.name,
        passwordHash,
        tokenHash: tokenHash(token),
        callbackUrl,
        expiresAt: new Date(now.getTime() + LINK_VALID_HOURS * 3_600_000),
      },
    });
    const link = `${origin}/signup/confirm?${new URLSearchParams({ token })}`;
    if (mayEmail) await enqueueEmail(tx, { to: input.email, ...confirmSignUpEmail({ name: input.name, link, companyName, validHours: LINK_VALID_HOURS }) });
  });
  // Now and then a sign-up sweeps links that expired a week ago (no worker needed).
  if (Math.random() < 0.05) await db.pendingSignUp.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 7 * 24 * 3_600_000) } } });
  return { token };
}

export type ConfirmResult =
  | { status: "created" | "used"; email: string; callbackUrl: string }
  | { status: "invalid" | "expired" };

/**
 * Opens a confirmation link: creates the account (one transaction: the link is marked used, the account
 * created, the other links of that address spent). A second opening, or a link of an address
 * that got its account meanwhile, answers "used" and leads to sign-in.
 */
export async function confirmSignUp(db: Prisma, token: string, now = new Date()): Promise<ConfirmResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "invalid" };
  try {
    return await runTransaction(db, async (tx): Promise<ConfirmResult> => {
      const pending = await tx.pendingSignUp.findUnique({ where: { tokenHash: tokenHash(token) } });
      if (!pending) return { status: "invalid" };
      const used = { status: "used", email: pending.email, callbackUrl: pending.callbackUrl } as const;
      if (pending.usedAt) return used;
      if (pending.expiresAt <= now) return { status: "expired" };
      // The one opening that wins: a concurrent one finds usedAt set and answers "used".
      const claimed = await tx.pendingSignUp.updateMany({ where: { id: pending.id, usedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) return used;
      if (await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } })) return used;
      await tx.user.create({ data: { email: pending.email, name: pending.name, passwordHash: pending.passwordHash, role: "CUSTOMER" } });
      await tx.pendingSignUp.updateMany({ where: { email: pending.email, usedAt: null }, data: { usedAt: now } });
      return { status: "created", email: pending.email, callbackUrl: pending.callbackUrl };
    });
  } catch (error) {
    // Two links of one address opened at once: the other created the account.
    if (!isUniqueViolation(error)) throw error;
    const pending = await db.pendingSignUp.findUnique({ where: { tokenHash: tokenHash(token) }, select: { email: true, callbackUrl: true } });
    return pending ? { status: "used", email: pending.email, callbackUrl: pending.callbackUrl } : { status: "invalid" };
  }
}
