import { afterEach, describe, expect, it } from "vitest";
import { planDelivery, type DeliveryInput } from "@/lib/delivery/promise";
import { isWeekKey, nextWeeks, weekKey, weekStart } from "@/lib/delivery/weeks";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const plan = (input: Partial<DeliveryInput>) => {
  const result = planDelivery({ today: day("2026-03-02"), leadDays: 0, productionHours: 10, shippingDays: 3, defaultWeeklyHours: 40, ...input });
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe("ISO weeks in UTC", () => {
  it("names the week of a date, across year ends", () => {
    expect(weekKey(day("2026-12-31"))).toBe("2026-W53"); // 2026 has 53 ISO weeks
    expect(weekKey(day("2027-01-03"))).toBe("2026-W53");
    expect(weekKey(day("2027-01-04"))).toBe("2027-W01");
    expect(weekKey(day("2025-12-29"))).toBe("2026-W01");
    expect(weekKey(new Date("2026-12-06T23:59:59Z"))).toBe("2026-W49");
  });

  it("finds the Monday of a week and rejects weeks that do not exist", () => {
    expect(iso(weekStart("2026-W01"))).toBe("2025-12-29");
    expect(iso(weekStart("2026-W53"))).toBe("2026-12-28");
    expect(iso(weekStart("2026-W49"))).toBe("2026-11-30");
    expect(isWeekKey("2026-W53")).toBe(true);
    expect(isWeekKey("2027-W53")).toBe(false);
    expect(() => weekStart("2027-W53")).toThrow();
    expect(() => weekStart("2026-49")).toThrow();
  });

  it("lists consecutive weeks through W53 into the next year", () => {
    expect(nextWeeks(day("2026-12-16"), 4)).toEqual(["2026-W51", "2026-W52", "2026-W53", "2027-W01"]);
  });

  describe("in other time zones", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it("gives the same answers", () => {
      for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"]) {
        process.env.TZ = tz;
        expect(weekKey(new Date("2027-01-03T23:30:00Z"))).toBe("2026-W53");
        expect(weekStart("2027-W01").toISOString()).toBe("2027-01-04T00:00:00.000Z");
        expect(iso(plan({ today: new Date("2026-03-29T23:30:00Z"), leadDays: 1 }).promisedDate)).toBe("2026-04-08");
      }
    });
  });
});

describe("planDelivery", () => {
  it("books the week the materials arrive in and promises its Sunday + shipping", () => {
    const result = plan({ today: day("2026-03-04"), leadDays: 2, productionHours: 10 });
    expect(iso(result.materialsReady)).toBe("2026-03-06");
    expect(result.bookings).toEqual([{ week: "2026-W10", hours: 10 }]);
    expect(iso(result.productionEnd)).toBe("2026-03-08");
    expect(iso(result.promisedDate)).toBe("2026-03-11");
  });

  it("skips full and holiday weeks and spans several weeks with fractional hours", () => {
    const result = plan({
      productionHours: 52.5,
      overrides: { "2026-W11": 0, "2026-W12": 20 },
      booked: { "2026-W10": 40, "2026-W12": 7.25, "2026-W13": 30 },
    });
    expect(result.bookings).toEqual([
      { week: "2026-W12", hours: 12.75 },
      { week: "2026-W13", hours: 10 },
      { week: "2026-W14", hours: 29.75 },
    ]);
    expect(result.weeks.map((w) => w.freeHours)).toEqual([0, 0, 12.75, 10, 40]);
    expect(iso(result.productionEnd)).toBe("2026-04-05");
    expect(iso(result.promisedDate)).toBe("2026-04-08");
  });

  it("crosses the year end through 2026-W53", () => {
    const result = plan({ today: day("2026-12-20"), leadDays: 7, productionHours: 60, booked: { "2026-W52": 40 }, shippingDays: 5 });
    expect(iso(result.materialsReady)).toBe("2026-12-27");
    expect(result.bookings).toEqual([{ week: "2026-W53", hours: 40 }, { week: "2027-W01", hours: 20 }]);
    expect(iso(result.productionEnd)).toBe("2027-01-10");
    expect(iso(result.promisedDate)).toBe("2027-01-15");
  });

  it("with no production hours, ships when the materials are ready", () => {
    const result = plan({ leadDays: 10, productionHours: 0, shippingDays: 2 });
    expect(result.bookings).toEqual([]);
    expect(iso(result.promisedDate)).toBe("2026-03-14");
  });

  it("fails clearly when there is no capacity within the horizon or the input is wrong", () => {
    expect(planDelivery({ today: day("2026-03-02"), leadDays: 0, productionHours: 100, shippingDays: 1, defaultWeeklyHours: 10, horizonWeeks: 4 })).toEqual({ ok: false, message: "Fully booked until 30 March 2026: the workshop has 40 free hours in the next 4 weeks and this order needs 100. Choose a smaller quantity or contact us." });
    // Weeks with no free hours push the date out: the earliest delivery is after the last full week.
    expect(planDelivery({ today: day("2026-03-02"), leadDays: 0, productionHours: 100, shippingDays: 1, defaultWeeklyHours: 10, horizonWeeks: 4, booked: { "2026-W10": 10, "2026-W11": 10 } })).toMatchObject({ ok: false, message: expect.stringMatching(/^Fully booked until 16 March 2026: the workshop has 20 free hours/) });
    expect(planDelivery({ today: day("2026-03-02"), leadDays: -1, productionHours: 1, shippingDays: 1, defaultWeeklyHours: 10 }).ok).toBe(false);
    expect(planDelivery({ today: new Date("nope"), leadDays: 0, productionHours: 1, shippingDays: 1, defaultWeeklyHours: 10 }).ok).toBe(false);
    expect(planDelivery({ today: day("2026-03-02"), leadDays: 0, productionHours: Number.NaN, shippingDays: 1, defaultWeeklyHours: 10 }).ok).toBe(false);
  });
});
