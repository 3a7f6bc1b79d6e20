import { Prisma as PrismaNS } from "@/lib/generated/prisma/client";

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

/** The SQLSTATE that Prisma's own error shapes carry (model queries, and PGlite's adapter errors). */
function prismaCode(error: unknown): string | undefined {
  if (error instanceof PrismaNS.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return "23505";
    const meta = error.meta as { code?: string } | undefined;
    if (meta?.code) return meta.code;
  }
  // pglite-prisma-adapter surfaces some database errors as DriverAdapterError with the PostgreSQL code.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/**
 * The PostgreSQL SQLSTATE and message behind a database error, whichever way it arrived: a SqlError, a
 * model query's Prisma error, a raw query's failure (P2010), which carries the driver adapter's error in
 * meta.driverAdapterError.cause, or the driver's own error (a direct statement).
 */
export function driverError(error: unknown): { code?: string; message?: string } {
  if (error instanceof SqlError) return { code: error.sqlState, message: error.message };
  const fallbackMessage = error instanceof Error ? error.message : undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause) {
    const code = cause.originalCode ?? cause.code;
    const message = cause.originalMessage ?? cause.message;
    return { code: typeof code === "string" ? code : prismaCode(error), message: typeof message === "string" ? message : fallbackMessage };
  }
  // A statement run on the driver itself (directQueryOf): pg's and PGlite's DatabaseError carry the SQLSTATE.
  const own = error as { code?: unknown; severity?: unknown } | null;
  if (!(error instanceof PrismaNS.PrismaClientKnownRequestError) && typeof own?.code === "string" && typeof own.severity === "string") {
    return { code: own.code, message: fallbackMessage };
  }
  return { code: prismaCode(error), message: fallbackMessage };
}

/** The PostgreSQL SQLSTATE behind a database error (model and raw queries alike). */
export function sqlState(error: unknown): string | undefined {
  return driverError(error).code;
}

/** True when a write hit a unique constraint (e.g. an email or idempotency key already taken). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}
