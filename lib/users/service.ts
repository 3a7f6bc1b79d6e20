import { queryRows, type Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword, verifyPassword } from "./password";
import type { Role, SignUpInput } from "./schema";

export type PublicUser = { id: string; email: string; name: string; role: Role; active: boolean };

const publicFields = { id: true, email: true, name: true, role: true, active: true } as const;

export type SignUpResult =
  | { ok: true; user: PublicUser }
  | { ok: false; field: "email"; message: string };

/** Creates a customer account; a taken email is reported on the email field. */
export async function signUp(db: Prisma, input: SignUpInput): Promise<SignUpResult> {
  const taken = { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." } as const;
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return taken;
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "CUSTOMER" },
      select: publicFields,
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return taken; // lost a race with a simultaneous sign-up
    throw error;
  }
}

export type CredentialsResult = { ok: true; user: PublicUser } | { ok: false; message: string };

/** Checks an email and password; says which of the two is wrong, or that the account is deactivated. */
export async function verifyCredentials(db: Prisma, email: string, password: string): Promise<CredentialsResult> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...publicFields, passwordHash: true },
  });
  if (!user) return { ok: false, message: "No account uses this email address." };
  if (!(await verifyPassword(password, user.passwordHash))) {
    return { ok: false, message: "Wrong password. Try again." };
  }
  if (!user.active) return { ok: false, message: "This account has been deactivated. Contact the shop." };
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
