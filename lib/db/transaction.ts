import type { Prisma } from "./client";
import { sqlState } from "./errors";
import type { Tx } from "./types";

/** Errors after which the whole transaction may simply be run again. */
export class RetryableError extends Error {}

const RETRYABLE_STATES = new Set(["40001", "40P01"]); // serialization failure, deadlock

/**
 * Runs fn in one interactive transaction, retrying the whole of it (fresh reads included) when it lost a
 * race: a RetryableError (e.g. a week filled up while booking), a serialization failure or a deadlock.
 */
export async function runTransaction<T>(db: Prisma, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => fn(tx), { maxWait: 20_000, timeout: 30_000 });
    } catch (error) {
      const retryable = error instanceof RetryableError || RETRYABLE_STATES.has(sqlState(error) ?? "");
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
