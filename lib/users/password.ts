import { hash, verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

// Passwords are hashed with argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane: about 70 ms here, off
// the event loop). Hashes written before (bcrypt, which only read the first 72 bytes) still verify, and are
// replaced on the next successful sign-in (needsRehash).
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/** Hashes a password with argon2id (the current parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Checks a password against its stored hash (argon2id, or bcrypt from before); false for anything unreadable. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    if (stored.startsWith("$argon2")) return await verify(stored, password);
    if (/^\$2[aby]\$/.test(stored)) return await bcrypt.compare(password, stored);
    return false;
  } catch {
    return false;
  }
}

/** Whether a hash that just verified should be replaced (bcrypt, or argon2 with other parameters). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of a real check on an unknown email (against a hash of nothing anyone knows), so that how
 * long a refusal takes does not say whether the account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(`no account ${Math.random()}`);
  await verifyPassword(password, await dummy);
  return false;
}
