import { appOrigin } from "@/lib/auth/callback-url";
import { queryRows, type Prisma } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/queries";
import { passwordResetEmail } from "./token-emails";
import { hashToken, newToken, TOKEN_VALID_HOURS } from "./tokens";

// "Forgot your password?": the answer never says whether an address has an account. Every request does
// the same work in the same order (a token drawn and hashed, the email rendered, one statement run);
// only inside that one statement does an active account get its link, its email and its audit entry.

/** What the page says to every valid request, whatever the address. */
export const RESET_REQUESTED = "If an account exists for this address, we sent it a link to reset the password. The link works for one hour.";

const REQUEST_RESET_SQL = `
WITH "target" AS (
  SELECT "id" FROM "users" WHERE "email" = $1 AND "active"
), "spent" AS (
  UPDATE "user_tokens" SET "used_at" = now()
   WHERE "user_id" IN (SELECT "id" FROM "target") AND "purpose" = 'RESET' AND "used_at" IS NULL
  RETURNING 1
), "issued" AS (
  INSERT INTO "user_tokens" ("id", "user_id", "purpose", "token_hash", "expires_at")
  SELECT gen_random_uuid()::text, "id", 'RESET', $2, now() + make_interval(hours => $3::int) FROM "target"
  RETURNING "user_id"
), "mailed" AS (
  INSERT INTO "email_outbox" ("id", "to", "subject", "text", "html")
  SELECT gen_random_uuid()::text, $1, $4, $5, $6 FROM "issued"
  RETURNING 1
)
INSERT INTO "audit_log" ("id", "action", "entity_type", "entity_id", "summary")
SELECT gen_random_uuid()::text, 'user.password-reset-request', 'User', "user_id", 'Password reset link sent to ' || $1 FROM "issued"
RETURNING 1 AS "ok"`;

/**
 * Sends a reset link to `email` when it belongs to an active account (a deactivated one gets nothing), and
 * spends that account's earlier reset links. Returns the token for tests only (null when no account).
 */
export async function requestPasswordReset(db: Prisma, email: string): Promise<{ token: string | null }> {
  const token = newToken();
  const link = `${appOrigin()}/reset-password?${new URLSearchParams({ token })}`;
  const { companyName } = await getSettings(db);
  const message = passwordResetEmail({ link, companyName, validHours: TOKEN_VALID_HOURS.RESET });
  const rows = await queryRows<{ ok: number }>(db, REQUEST_RESET_SQL, [
    email, hashToken(token), TOKEN_VALID_HOURS.RESET, message.subject, message.text, message.html,
  ]);
  // Now and then a request sweeps links that expired a week ago, whatever the address (no worker needed).
  if (Math.random() < 0.05) await db.userToken.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 7 * 24 * 3_600_000) } } });
  return { token: rows.length ? token : null };
}
