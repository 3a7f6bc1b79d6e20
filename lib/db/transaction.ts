import type { Prisma } from "./client";
import { sqlState } from "./errors";
import type { Tx } from "./types";

/** A database error reported as data (e.g. by a SQL function that caught it): its SQLSTATE and message. */
export class SqlError extends Error {
  constructor(
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
    this.name = "SqlError";
  }
}

/** Errors after which the whole transaction may simply be run again. */
export class RetryableError extends Error {}

const RETRYABLE_STATES = new Set(["40001", "40P01"]); // serialization failure, deadlock

/**
 * The PostgreSQL SQLSTATE and message behind a Prisma error, raw queries included: their failures
 * (P2010) carry the driver adapter's error in meta.driverAdapterError.cause, which sqlState does not read.
 */
export function driverError(error: unknown): { code?: string; message?: string } {
  if (error instanceof SqlError) return { code: error.sqlState, message: error.message };
  const meta = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause) {
    const code = cause.originalCode ?? cause.code;
    const message = cause.originalMessage ?? cause.message;
    return {
      code: typeof code === "string" ? code : sqlState(error),
      message: typeof message === "string" ? message : error instanceof Error ? error.message : undefined,
    };
  }
  return { code: sqlState(error), message: error instanceof Error ? error.message : undefined };
}

/**
 * Runs fn in one interactive transaction, retrying the whole of it (fresh reads included) when it lost a
 * race: a RetryableError (e.g. a week filled up while booking), a serialization failure or a deadlock.
 */
export async function runTransaction<T>(db: Prisma, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => fn(tx), { maxWait: 20_000, timeout: 30_000 });
    } catch (error) {
      const retryable = error instanceof RetryableError || RETRYABLE_STATES.has(driverError(error).code ?? "");
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
