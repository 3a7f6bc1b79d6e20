import { describe, expect, it } from "vitest";
import { driverError, isUniqueViolation, SqlError, sqlState } from "@/lib/db/errors";

// A raw query's failure as Prisma 6.19 reports it through a driver adapter (P2010): the SQLSTATE is in
// meta.driverAdapterError.cause, not in meta.code.
const rawFailure = (originalCode: string, originalMessage: string) =>
  Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode, originalMessage } } } });

describe("database errors", () => {
  it("reads the SQLSTATE of a raw query's failure, so a unique violation there is recognised", () => {
    const error = rawFailure("23505", 'duplicate key value violates unique constraint "orders_idempotency_key_key"');
    expect(sqlState(error)).toBe("23505");
    expect(isUniqueViolation(error)).toBe(true);
    expect(driverError(error).message).toContain("orders_idempotency_key_key");
  });

  it("reads an error reported as data by a SQL function, and PGlite's adapter errors", () => {
    expect(driverError(new SqlError("40001", "plan out of date"))).toEqual({ code: "40001", message: "plan out of date" });
    expect(sqlState(Object.assign(new Error("x"), { cause: { code: "23514" } }))).toBe("23514");
    expect(isUniqueViolation(rawFailure("23514", "check violated"))).toBe(false);
    expect(sqlState(new Error("plain"))).toBeUndefined();
  });
});
