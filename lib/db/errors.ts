import { Prisma as PrismaNS } from "@/lib/generated/prisma/client";

/** The PostgreSQL SQLSTATE behind a Prisma error, whichever driver adapter raised it. */
export function sqlState(error: unknown): string | undefined {
  if (error instanceof PrismaNS.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return "23505";
    const meta = error.meta as { code?: string } | undefined;
    if (meta?.code) return meta.code;
  }
  // pglite-prisma-adapter surfaces some database errors as DriverAdapterError with the PostgreSQL code.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/** True when a write hit a unique constraint (e.g. an email or idempotency key already taken). */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}
