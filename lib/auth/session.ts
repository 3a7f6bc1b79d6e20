import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { queryRows, type Tx } from "@/lib/db/client";
import type { PublicUser } from "@/lib/users/service";
import { readSession, type SessionClaims } from "./session-token";

type UserRow = PublicUser & { sessionVersion: number };

/**
 * The user a session belongs to, as the database holds them now, when that session still stands: the account
 * exists, is active, and its session version is the one the token was issued with (sign-out, a password change,
 * deactivation, reactivation and role changes bump it: lib/users/manage-sessions.ts). One query, straight on the
 * driver: it runs for every signed-in request, the checkout's order placement included.
 */
export async function userOfSession(db: Tx, claims: SessionClaims): Promise<PublicUser | null> {
  const [row] = await queryRows<UserRow>(
    db,
    `SELECT "id", "email", "name", "role"::text AS "role", "active", "session_version" AS "sessionVersion" FROM "users" WHERE "id" = $1`,
    [claims.userId],
  );
  if (!row || !row.active || row.sessionVersion !== claims.version) return null;
  const { sessionVersion: _version, ...user } = row;
  return user;
}

/** The session version of a user, read when a session is issued (the token carries it); null for no such user. */
export async function currentSessionVersion(db: Tx, userId: string): Promise<number | null> {
  const [row] = await queryRows<{ version: number }>(db, `SELECT "session_version" AS "version" FROM "users" WHERE "id" = $1`, [userId]);
  return row ? row.version : null;
}

/**
 * The signed-in user as the database knows them now (role and active flag re-read for every request),
 * or null when signed out, deleted, deactivated, or when their sessions were ended since this token was issued.
 * One read per request: the layout's header and the page share it (React's per-request cache).
 * The guards (./guards) decide from it who may do what.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const claims = await readSession();
  return claims ? userOfSession(await getDb(), claims) : null;
});
