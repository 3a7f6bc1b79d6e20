import { queryRows, type Tx } from "@/lib/db/client";

// Ending every session of a user: the session version on the user goes up, so every token issued before
// (which carries the old version: lib/auth/session.ts) stops working at its next request, on every instance;
// and a notice tells every instance to close that user's open live streams (lib/notifications/live.ts).

/** The channel on which every instance hears whose sessions just ended (the payload is the user id). */
export const SESSION_ENDS_CHANNEL = "atelier_session_ends";

/**
 * Ends every session of `userId`. Call it inside the transaction that makes the change (password, role,
 * active flag): the bump and the notice take effect when, and only if, that transaction commits.
 */
export async function endSessions(tx: Tx, userId: string): Promise<void> {
  await queryRows(tx, `UPDATE "users" SET "session_version" = "session_version" + 1 WHERE "id" = $1 RETURNING 1 AS "ok"`, [userId]);
  await announceSessionsEnded(tx, userId);
}

/**
 * Signing out: ends every session of the token's user, but only while that token is still a live session (its
 * version is the current one), so an old, already ended token cannot sign the user out of their new sessions.
 */
export async function endSessionsOfToken(db: Tx, claims: { userId: string; version: number }): Promise<boolean> {
  const ended = await queryRows<{ ok: number }>(
    db,
    `UPDATE "users" SET "session_version" = "session_version" + 1 WHERE "id" = $1 AND "session_version" = $2 RETURNING 1 AS "ok"`,
    [claims.userId, claims.version],
  );
  if (ended.length) await announceSessionsEnded(db, claims.userId);
  return ended.length > 0;
}

// NOTIFY inside a transaction is delivered at commit, never for a rolled-back change.
async function announceSessionsEnded(db: Tx, userId: string): Promise<void> {
  await queryRows(db, `SELECT 1 AS "ok" FROM (SELECT pg_notify($1, $2)) AS "notice"`, [SESSION_ENDS_CHANNEL, userId]);
}
