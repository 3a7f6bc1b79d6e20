import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/types";

// Sign-in throttling with growing delays, counted in the database BEFORE the password is checked (one
// statement admits and counts an attempt: prisma/sql/sign_in_attempt.sql), so parallel requests cannot
// all be checked. Three keys, so nobody can lock an account or a shared address for everyone:
// - account + address: tight (the attacker's own door);
// - address alone, across accounts: a password spray from one place; people behind one NAT wait a minute at most;
// - account alone, across addresses: a distributed attack; a high allowance and a cap of a few minutes.

/**
 * A throttle: `free` attempts in a row, then a wait of base, 2 x base, 4 x base... (capped) before each next
 * one; the count restarts after `windowMs` without attempts. With `slide`, an attempt refused during a wait
 * restarts that wait (for a key only its own client uses: a burst never reaches the next check).
 */
export type ThrottleRule = { name: string; free: number; baseMs: number; capMs: number; windowMs: number; slide: boolean };

export const SIGN_IN_THROTTLES = {
  pair: { name: "pair", free: 5, baseMs: 1_000, capMs: 15 * 60_000, windowMs: 60 * 60_000, slide: true },
  address: { name: "address", free: 30, baseMs: 1_000, capMs: 60_000, windowMs: 15 * 60_000, slide: false },
  account: { name: "account", free: 50, baseMs: 1_000, capMs: 5 * 60_000, windowMs: 60 * 60_000, slide: false },
} satisfies Record<string, ThrottleRule>;

/** The wait after the `attempts`-th counted attempt (the same schedule as sign_in_delay in SQL). */
export function delayAfter(rule: ThrottleRule, attempts: number): number {
  if (attempts < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(attempts - rule.free, 40));
}

/** The most attempts `rule` admits within `elapsedMs` of the first one (a burst admits `free`). */
export function admittedWithin(rule: ThrottleRule, elapsedMs: number): number {
  let attempts = 0;
  let at = 0;
  while (at <= elapsedMs && attempts < 10_000) {
    attempts++;
    at += delayAfter(rule, attempts);
  }
  return attempts;
}

/** "Too many attempts. Try again in 4 seconds." (minutes from one minute on). */
export function throttleMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (seconds < 60) {
    return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(retryAfterMs / 60_000);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

type Keyed = { key: string; rule: ThrottleRule };

/** The three keys of an attempt on `email` (normalized) from `address`. */
export function signInKeys(email: string, address: string): { pair: Keyed; address: Keyed; account: Keyed } {
  return {
    pair: { key: `pair:${address}|${email}`, rule: SIGN_IN_THROTTLES.pair },
    address: { key: `address:${address}`, rule: SIGN_IN_THROTTLES.address },
    account: { key: `account:${email}`, rule: SIGN_IN_THROTTLES.account },
  };
}

const intArray = (values: number[]) => Prisma.sql`ARRAY[${Prisma.join(values)}]::integer[]`;
const textArray = (values: string[]) => Prisma.sql`ARRAY[${Prisma.join(values)}]::text[]`;
const boolArray = (values: boolean[]) => Prisma.sql`ARRAY[${Prisma.join(values)}]::boolean[]`;

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterMs: number; message: string };

/**
 * Admits and counts one attempt for every key at once, or refuses it with the wait (nothing counted): the
 * caller checks the password only when admitted.
 */
export async function admitAttempt(db: Tx, keyed: Keyed[]): Promise<ThrottleVerdict> {
  const rules = keyed.map((k) => k.rule);
  const [row] = await db.$queryRaw<{ wait_ms: bigint | number }[]>(Prisma.sql`
    SELECT "sign_in_attempt"(${textArray(keyed.map((k) => k.key))}, ${intArray(rules.map((r) => r.free))},
      ${intArray(rules.map((r) => r.baseMs))}, ${intArray(rules.map((r) => r.capMs))}, ${intArray(rules.map((r) => r.windowMs))},
      ${boolArray(rules.map((r) => r.slide))}) AS wait_ms`);
  const waitMs = Number(row?.wait_ms ?? 0);
  if (waitMs <= 0) return { ok: true };
  return { ok: false, retryAfterMs: waitMs, message: throttleMessage(waitMs) };
}

/** After a success: forgets `cleared` and takes the attempt back from the `others` (a success never counts). */
export async function forgiveAttempt(db: Tx, cleared: Keyed, others: Keyed[]): Promise<void> {
  const rules = others.map((k) => k.rule);
  await db.$queryRaw(Prisma.sql`
    SELECT "sign_in_succeeded"(${cleared.key}, ${textArray(others.map((k) => k.key))}, ${intArray(rules.map((r) => r.free))},
      ${intArray(rules.map((r) => r.baseMs))}, ${intArray(rules.map((r) => r.capMs))})::text AS done`);
}

/** Deletes rows that expired a day ago or more (any instance may run it; it is idempotent). */
export async function pruneThrottles(db: Tx): Promise<number> {
  return db.$executeRaw`DELETE FROM "sign_in_throttles" WHERE "expires_at" < now() - interval '1 day'`;
}

/** How long an address where an account signed in stays known to it (and exempt from the account-wide key). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

const knownKey = (email: string, address: string) => `known:${address}|${email}`;

/** Whether `email` signed in successfully from `address` in the last 30 days. */
async function isKnownAddress(db: Tx, email: string, address: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ known: boolean }[]>`
    SELECT true AS known FROM "sign_in_throttles" WHERE "key" = ${knownKey(email, address)} AND "expires_at" > now()`;
  return Boolean(row?.known);
}

/** The keys an attempt is counted on: the account-wide key spares an address the account signed in from before. */
async function keysFor(db: Tx, email: string, address: string): Promise<Keyed[]> {
  const keys = signInKeys(email, address);
  const known = await isKnownAddress(db, email, address);
  return known ? [keys.pair, keys.address] : [keys.pair, keys.address, keys.account];
}

export type SignInTicket = { email: string; address: string; counted: Keyed[] };

/**
 * Counts a sign-in attempt on `email` from `address` before its password is checked (see the keys above).
 * A distributed attack slows the account for new addresses only: where its owner signed in before, only
 * the pair and address keys apply, so nobody can keep the owner out.
 */
export async function admitSignIn(db: Tx, email: string, address: string): Promise<(ThrottleVerdict & { ok: false }) | { ok: true; ticket: SignInTicket }> {
  const counted = await keysFor(db, email, address);
  const verdict = await admitAttempt(db, counted);
  return verdict.ok ? { ok: true, ticket: { email, address, counted } } : verdict;
}

/** Records a successful sign-in: the pair starts afresh, the others do not count it, the address becomes known. */
export async function signInSucceeded(db: Tx, ticket: SignInTicket): Promise<void> {
  const [pair, ...others] = ticket.counted;
  if (pair) await forgiveAttempt(db, pair, others);
  const until = new Date(Date.now() + KNOWN_ADDRESS_MS);
  await db.$executeRaw`
    INSERT INTO "sign_in_throttles" ("key", "attempts", "blocked_until", "expires_at")
    VALUES (${knownKey(ticket.email, ticket.address)}, 0, '-infinity', ${until})
    ON CONFLICT ("key") DO UPDATE SET "expires_at" = EXCLUDED."expires_at"`;
}
