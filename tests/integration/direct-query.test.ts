import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { directQueryOf, queryRows } from "@/lib/db/client";
import { driverError, isUniqueViolation } from "@/lib/db/errors";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// The direct path (directQueryOf) that the order write and the checkout's user read take: the same rows as
// through Prisma, errors whose SQLSTATE the services recognise, and never inside a transaction.
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe(`statements run on the driver (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("answer the same values as Prisma's raw query: parsed jsonb, dates, numbers, nulls", async () => {
    const direct = directQueryOf(t.prisma);
    expect(direct).not.toBeNull();
    const sql = `SELECT jsonb_build_object('status', 'placed', 'weeks', jsonb_build_array(jsonb_build_array('2026-W49', 40.5))) AS "result",
      $1::timestamptz AS "at", $2::int AS "count", NULL::text AS "missing"`;
    const params = ["2026-11-30T10:00:00.000Z", 7];
    const [viaDriver] = await direct!<Record<string, unknown>>(sql, params);
    const [viaPrisma] = await t.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);
    expect(viaDriver).toEqual(viaPrisma);
    expect(viaDriver).toEqual({ result: { status: "placed", weeks: [["2026-W49", 40.5]] }, at: new Date("2026-11-30T10:00:00.000Z"), count: 7, missing: null });
  });

  it("fail with the SQLSTATE the services check: a taken key is a unique violation", async () => {
    const direct = directQueryOf(t.prisma)!;
    const insert = `INSERT INTO rate_limits (key, count, window_start, expires_at) VALUES ($1, 1, now(), now())`;
    await direct(insert, ["direct-test"]);
    const failure = await direct(insert, ["direct-test"]).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(driverError(failure).message).toContain("rate_limits");
    expect(driverError(await direct("SELECT 1/0").catch((error: unknown) => error)).code).toBe("22012");
  });

  it("are not offered inside a transaction, whose statements must run on its own connection", async () => {
    const inside = await t.prisma.$transaction(async (tx) => directQueryOf(tx));
    expect(inside).toBeNull();
    // queryRows falls back to the transaction's own Prisma connection, with the same bound parameters.
    expect(await t.prisma.$transaction((tx) => queryRows(tx, `SELECT $1::int AS "n", $2::text AS "s"`, [3, "x"]))).toEqual([{ n: 3, s: "x" }]);
  });

  it("are found by every instance of the module, as each route's bundle in Next's server has its own", async () => {
    // The database is opened by whichever route comes first; the order action's bundle must still find the
    // direct path of that client (it was once registered per module instance, and the server never used it).
    vi.resetModules();
    const other = await import("@/lib/db/client");
    expect(other.directQueryOf).not.toBe(directQueryOf);
    const direct = other.directQueryOf(t.prisma);
    expect(direct).not.toBeNull();
    expect(await direct!<{ n: number }>(`SELECT $1::int AS "n"`, [5])).toEqual([{ n: 5 }]);
  });
});

describe("the app's database connections", () => {
  // PGlite runs in one process and has it at 0 already; PostgreSQL's default is 2, which the pool overrides.
  it("start no parallel workers (two of them cost the staff board's counts about 50 ms on PostgreSQL on this machine)", async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ max_parallel_workers_per_gather: string }[]>("SHOW max_parallel_workers_per_gather");
    expect(rows[0]?.max_parallel_workers_per_gather).toBe("0");
  });
});
