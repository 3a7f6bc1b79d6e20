import { queryRows, type Prisma } from "@/lib/db/client";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import type { Role } from "./schema";

export type PublicUser = { id: string; email: string; name: string; role: Role; active: boolean };

const publicFields = { id: true, email: true, name: true, role: true, active: true } as const;

export type CredentialsResult = { ok: true; user: PublicUser } | { ok: false; message: string };

/** The one answer to a wrong email or a wrong password: which of the two would tell who has an account. */
export const WRONG_CREDENTIALS = "Wrong email or password.";
export const DEACTIVATED = "This account has been deactivated. Contact the shop.";

/**
 * Checks an email and password. An unknown email costs a password check too (against a dummy hash) and gets
 * the same answer as a wrong password; a deactivated account is named only to whoever proved its password.
 * A hash from before (bcrypt, or older argon2 parameters) is replaced once the password verified.
 */
export async function verifyCredentials(db: Prisma, email: string, password: string): Promise<CredentialsResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...publicFields, passwordHash: true },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return { ok: false, message: WRONG_CREDENTIALS };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { ok: false, message: WRONG_CREDENTIALS };
  if (!user.active) return { ok: false, message: DEACTIVATED };
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(password);
    // Only if it is still the hash just verified (a password change in between wins).
    await db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
  }
  const { passwordHash: _hash, ...rest } = user;
  return { ok: true, user: rest };
}

/**
 * Reads a user's current role and active flag (the source of truth for every authorization). Straight on the
 * driver (queryRows): it runs for every signed-in request, the checkout's order placement included.
 */
export async function getUserById(db: Prisma, id: string): Promise<PublicUser | null> {
  const [user] = await queryRows<PublicUser>(db, `SELECT "id", "email", "name", "role"::text AS "role", "active" FROM "users" WHERE "id" = $1`, [id]);
  return user ?? null;
}
