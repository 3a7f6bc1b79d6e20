import { addDays, addWeeks, getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek, startOfISOWeekYear } from "date-fns";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { isWeekKey, nextWeeks, weekEnd, weekKey, weekStart } from "@/lib/delivery/weeks";
import { plain, utc, UTCDate } from "@/lib/delivery/utc-date";

// The week arithmetic (integer UTC day numbers) against a date-fns reference: the implementation it
// replaced, calendar math in UTC through date-fns' `in` context.

const reference = {
  weekKey(date: Date): string {
    return `${getISOWeekYear(date, { in: utc })}-W${String(getISOWeek(date, { in: utc })).padStart(2, "0")}`;
  },
  weeksInYear(year: number): number {
    const june = new UTCDate(0);
    june.setUTCFullYear(year, 5, 1);
    return getISOWeeksInYear(june, { in: utc });
  },
  weekStart(year: number, week: number): Date {
    const jan4 = new UTCDate(0);
    jan4.setUTCFullYear(year, 0, 4);
    return plain(addWeeks(startOfISOWeekYear(jan4, { in: utc }), week - 1, { in: utc }));
  },
  nextWeeks(from: Date, n: number): string[] {
    const monday = startOfISOWeek(from, { in: utc });
    return Array.from({ length: n }, (_, i) => reference.weekKey(addWeeks(monday, i, { in: utc })));
  },
};

const DAY = 86_400_000;
const key = (year: number, week: number) => `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
/** Any instant from year 1 to year 9999. */
const dateArb = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });
const runs = { numRuns: 2_000 };

describe("ISO week arithmetic matches the date-fns reference", () => {
  it("weekKey of any instant from year 1 to 9999", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(weekKey(date)).toBe(reference.weekKey(date));
      }),
      runs,
    );
  });

  it("weekKey of every day, at its first and last millisecond, from 1999 to 2061 (every year boundary and week 53 in between)", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2062, 0, 1); t += DAY) {
      for (const instant of [new Date(t), new Date(t + DAY - 1)]) {
        if (weekKey(instant) !== reference.weekKey(instant)) mismatches.push(instant.toISOString());
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("nextWeeks over up to 110 weeks from any instant, through week 53 and into the next years", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 110 }), (from, n) => {
        expect(nextWeeks(from, n)).toEqual(reference.nextWeeks(from, n));
      }),
      { numRuns: 300 },
    );
  });

  it("isWeekKey, weekStart and weekEnd of any key of years 100 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 54 }), (year, week) => {
        const k = key(year, week);
        const exists = week >= 1 && week <= reference.weeksInYear(year);
        expect(isWeekKey(k)).toBe(exists);
        if (!exists) {
          expect(() => weekStart(k)).toThrow();
          return;
        }
        const start = reference.weekStart(year, week);
        expect(weekStart(k).toISOString()).toBe(start.toISOString());
        expect(weekEnd(k).toISOString()).toBe(plain(addDays(start, 6, { in: utc })).toISOString());
        if (year >= 1000) {
          // weekKey does not pad years, so only four-digit years round-trip.
          expect(weekKey(weekStart(k))).toBe(k);
          expect(weekKey(weekEnd(k))).toBe(k);
        }
      }),
      runs,
    );
  });

  it("knows which years have 53 weeks, 1900 to 2200", () => {
    const long: number[] = [];
    for (let year = 1900; year <= 2200; year++) {
      expect(isWeekKey(key(year, 53))).toBe(reference.weeksInYear(year) === 53);
      if (isWeekKey(key(year, 53))) long.push(year);
    }
    expect(long.filter((y) => y >= 2015 && y <= 2040)).toEqual([2015, 2020, 2026, 2032, 2037]);
  });

  it("keys of years 0000-0099 name those years (the date-fns version read them as 1900-1999)", () => {
    for (const [year, week] of [[0, 1], [4, 53], [50, 22], [99, 52]] as const) {
      expect(weekStart(key(year, week)).toISOString()).toBe(reference.weekStart(year, week).toISOString());
      expect(weekKey(weekStart(key(year, week)))).toBe(`${year}-W${String(week).padStart(2, "0")}`);
    }
    expect(isWeekKey("0004-W53")).toBe(true);
    expect(isWeekKey("1904-W53")).toBe(false);
  });

  it("an invalid date gives the same key as before, and nextWeeks counts like Array.from", () => {
    expect(weekKey(new Date(Number.NaN))).toBe(reference.weekKey(new Date(Number.NaN)));
    expect(nextWeeks(new Date(Number.NaN), 2)).toEqual(["NaN-WNaN", "NaN-WNaN"]);
    expect(nextWeeks(new Date(0), 2.5)).toEqual(["1970-W01", "1970-W02"]);
    expect(nextWeeks(new Date(0), -1)).toEqual([]);
    expect(nextWeeks(new Date(0), Number.NaN)).toEqual([]);
  });

  describe("in other time zones (UTC has no daylight saving time: same answers)", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });
    it("weekKey, nextWeeks and weekStart", () => {
      const utcAnswers = (date: Date) => [weekKey(date), nextWeeks(date, 60).join(), weekStart(weekKey(date)).toISOString()];
      const modern = fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });
      const dates = fc.sample(modern, { seed: 7, numRuns: 100 }).concat([new Date("2026-03-29T01:30:00Z"), new Date("2026-10-25T00:59:59Z"), new Date("2027-01-03T23:30:00Z")]);
      const expected = dates.map(utcAnswers);
      for (const tz of ["America/Los_Angeles", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
        process.env.TZ = tz;
        expect(dates.map(utcAnswers)).toEqual(expected);
      }
    });
  });
});
