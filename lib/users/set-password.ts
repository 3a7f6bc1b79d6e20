import { queryRows, type Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { writeAudit } from "../audit/write";
import { endSessions } from "./manage-sessions";
import { hashPassword } from "./password";
import { hashToken, looksLikeToken, type TokenPurpose, type TokenStatus } from "./tokens";

// Using an emailed link to set a password (an invitation accepted, a forgotten password reset): one
// transaction claims the link (a conditional update: unused, unexpired, the account active), writes the
// password, spends every other open link of the user, ends all their sessions and records it.

export type SetPasswordResult = { ok: true; email: string } | { ok: false; status: Exclude<TokenStatus, "valid">; message: string };

const LINK_PROBLEMS: Record<TokenPurpose, Record<Exclude<TokenStatus, "valid">, string>> = {
  RESET: {
    used: "This reset link was already used. Ask for a new one if you still need to change your password.",
    expired: "This reset link has expired. Ask for a new one.",
    invalid: "This reset link is not valid. Ask for a new one.",
    inactive: "This account has been deactivated, so its password cannot be reset. Contact the shop.",
  },
  INVITE: {
    used: "This invitation was already used (or a newer one was sent). Sign in, or ask the shop for a new invitation.",
    expired: "This invitation has expired. Ask the shop to send a new one.",
    invalid: "This invitation link is not valid. Ask the shop to send a new one.",
    inactive: "This account has been deactivated. Contact the shop.",
  },
};

/** What a link's page or form says when the link cannot be used. */
export const linkProblem = (purpose: TokenPurpose, status: Exclude<TokenStatus, "valid">) => LINK_PROBLEMS[purpose][status];

const refuse = (purpose: TokenPurpose, status: Exclude<TokenStatus, "valid">): SetPasswordResult => ({ ok: false, status, message: linkProblem(purpose, status) });

/** Sets the password of the link's user when the link is still good; see the file's comment. */
export async function setPasswordWithToken(
  db: Prisma,
  input: { token: string; purpose: TokenPurpose; password: string },
  now = new Date(),
): Promise<SetPasswordResult> {
  const { purpose } = input;
  if (!looksLikeToken(input.token)) return refuse(purpose, "invalid");
  const passwordHash = await hashPassword(input.password); // the slow part, before the transaction
  return runTransaction(db, async (tx): Promise<SetPasswordResult> => {
    const row = await tx.userToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
    });
    if (!row || row.purpose !== purpose) return refuse(purpose, "invalid");
    if (!row.user.active) return refuse(purpose, "inactive");
    if (row.usedAt) return refuse(purpose, "used");
    if (row.expiresAt <= now) return refuse(purpose, "expired");
    // The one use that wins: a concurrent one waits for this row, then finds used_at set and claims nothing.
    const claimed = await queryRows<{ ok: number }>(
      tx,
      `UPDATE "user_tokens" SET "used_at" = $2 WHERE "id" = $1 AND "used_at" IS NULL AND "expires_at" > $2
          AND EXISTS (SELECT 1 FROM "users" u WHERE u."id" = "user_tokens"."user_id" AND u."active")
        RETURNING 1 AS "ok"`,
      [row.id, now],
    );
    if (claimed.length !== 1) return refuse(purpose, "used");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.userToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await endSessions(tx, row.userId);
    await writeAudit(tx, {
      actorId: row.userId,
      action: purpose === "INVITE" ? "user.invite-accept" : "user.password-reset",
      entityType: "User",
      entityId: row.userId,
      summary: purpose === "INVITE" ? `${row.user.email} accepted the invitation and set a password` : `${row.user.email} reset the password (every session ended)`,
    });
    return { ok: true, email: row.user.email };
  });
}
