import bcrypt from "bcryptjs";

const COST = 11;

/** Hashes a password with bcrypt (cost 11: about 100 ms here). */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Checks a password against its bcrypt hash. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
