import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
});
afterAll(() => t.drop());

async function orderInStatus(status: string) {
  return t.prisma.order.findFirstOrThrow({ where: { status: status as never, productionJob: null }, select: { id: true } });
}

describe("database guards", () => {
  it("refuses, in raw SQL, a production job for an order that does not exist", async () => {
    await expect(
      t.rawQuery(`INSERT INTO production_jobs (id, order_id, started_at) VALUES ('job-x', 'no-such-order', now())`),
    ).rejects.toThrow(/does not exist|foreign key/);
  });

  it("refuses, in raw SQL, a production job for an order that is only placed (not confirmed)", async () => {
    const placed = await orderInStatus("PLACED");
    await expect(
      t.rawQuery(`INSERT INTO production_jobs (id, order_id, started_at) VALUES ('job-p', $1, now())`, [placed.id]),
    ).rejects.toThrow(/not confirmed/);
    expect(await t.prisma.productionJob.count({ where: { orderId: placed.id } })).toBe(0);
  });

  it("accepts a production job for a confirmed order, once", async () => {
    const confirmed = await orderInStatus("CONFIRMED");
    await t.rawQuery(`INSERT INTO production_jobs (id, order_id, started_at) VALUES ('job-c', $1, now())`, [confirmed.id]);
    expect(await t.prisma.productionJob.count({ where: { orderId: confirmed.id } })).toBe(1);
    await expect(
      t.rawQuery(`INSERT INTO production_jobs (id, order_id, started_at) VALUES ('job-c2', $1, now())`, [confirmed.id]),
    ).rejects.toThrow();
  });

  it("refuses a production job that would start before its order was placed", async () => {
    const confirmed = await t.prisma.order.findFirstOrThrow({ where: { status: "CONFIRMED", productionJob: null }, select: { id: true } }).catch(() => null);
    const target = confirmed ?? (await orderInStatus("PLACED"));
    await t.prisma.order.update({ where: { id: target.id }, data: { status: "CONFIRMED" } });
    await expect(
      t.rawQuery(`INSERT INTO production_jobs (id, order_id, started_at) VALUES ('job-early', $1, '2000-01-01')`, [target.id]),
    ).rejects.toThrow(/cannot start before/);
  });

  it("refuses to book a work centre's day beyond its capacity", async () => {
    await t.prisma.capacityDay.create({ data: { workCentreId: "frame", day: new Date("2030-03-04"), capacityHours: 10 } });
    await expect(
      t.rawQuery(`UPDATE capacity_days SET booked_hours = 10.5 WHERE work_centre_id = 'frame' AND day = '2030-03-04'`),
    ).rejects.toThrow(/capacity_days_hours_check/);
    await t.rawQuery(`UPDATE capacity_days SET booked_hours = 10 WHERE work_centre_id = 'frame' AND day = '2030-03-04'`);
    expect((await t.prisma.capacityDay.findUniqueOrThrow({ where: { workCentreId_day: { workCentreId: "frame", day: new Date("2030-03-04") } } })).bookedHours).toBe(10);
    // Lowering the day's capacity below what is booked is refused too.
    await expect(t.rawQuery(`UPDATE capacity_days SET capacity_hours = 8 WHERE work_centre_id = 'frame' AND day = '2030-03-04'`)).rejects.toThrow(/capacity_days_hours_check/);
  });

  it("refuses a work centre with other than seven weekday hours, or hours out of range", async () => {
    await expect(t.rawQuery(`INSERT INTO work_centres (id, name, weekday_hours, updated_at) VALUES ('saw', 'Saw', ARRAY[8, 8]::float8[], now())`)).rejects.toThrow(/work_centres_weekday_hours_check/);
    await expect(t.rawQuery(`INSERT INTO work_centres (id, name, weekday_hours, updated_at) VALUES ('saw', 'Saw', ARRAY[8, 8, 8, 8, 8, -1, 0]::float8[], now())`)).rejects.toThrow(/work_centres_weekday_hours_check/);
    await expect(t.rawQuery(`INSERT INTO work_centres (id, name, weekday_hours, updated_at) VALUES ('Saw Shop', 'Saw', ARRAY[8, 8, 8, 8, 8, 0, 0]::float8[], now())`)).rejects.toThrow(/work_centres_id_check/);
  });

  it("numbers orders from one sequence in the AT-YYYY-NNNNNN form", async () => {
    const numbers = (await t.prisma.order.findMany({ select: { number: true }, orderBy: { number: "asc" } })).map((o) => o.number);
    expect(numbers.length).toBe(11); // the demo orders, one of them awaiting approval
    for (const n of numbers) expect(n).toMatch(/^AT-\d{4}-\d{6}$/);
    expect(new Set(numbers.map((n) => n.slice(-6))).size).toBe(11);
  });
});

