import { describe, expect, it } from "vitest";
import { capacityGrid, dayNumber, hoursOnDay, isoDay, weekdayIndex, type WorkshopCalendar } from "@/lib/delivery/calendar";
import { scheduleOrder, type BookedHours, type OperationNeed, type ScheduleInput } from "@/lib/delivery/schedule";

// 2026-12-07 is a Monday.
const MON_FRI = (h: number) => [h, h, h, h, h, 0, 0];
const calendar = (over: Partial<WorkshopCalendar> = {}): WorkshopCalendar => ({
  centres: [
    { id: "frame", name: "Frame shop", weekdayHours: MON_FRI(8) },
    { id: "upholstery", name: "Upholstery", weekdayHours: MON_FRI(8) },
  ],
  exceptions: [],
  closures: [],
  ...over,
});
const ops = (...list: [string, number][]): OperationNeed[] => list.map(([workCentre, hours], i) => ({ key: `op${i}`, label: workCentre, workCentre, hours }));
const plan = (over: Partial<ScheduleInput> = {}) => {
  const result = scheduleOrder({
    today: new Date("2026-12-07T10:00:00Z"), leadDays: 0, operations: ops(["frame", 4], ["upholstery", 12]), shippingDays: 2,
    calendar: calendar(), booked: {}, ...over,
  });
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe("the working calendar", () => {
  it("numbers days and weekdays in UTC", () => {
    expect(isoDay(dayNumber("2026-12-07"))).toBe("2026-12-07");
    expect(weekdayIndex(dayNumber("2026-12-07"))).toBe(0); // Monday
    expect(weekdayIndex(dayNumber("2026-12-13"))).toBe(6); // Sunday
    expect(Number.isNaN(dayNumber("2026-02-30"))).toBe(true);
    expect(Number.isNaN(dayNumber("7 Dec"))).toBe(true);
  });

  it("gives each centre its weekday hours, an exception's hours on its date, and nothing on a shop closure", () => {
    const cal = calendar({
      exceptions: [{ centre: "frame", day: "2026-12-08", hours: 0 }, { centre: "upholstery", day: "2026-12-12", hours: 6 }],
      closures: [{ name: "Winter closure", first: "2026-12-24", last: "2027-01-01" }],
    });
    expect(hoursOnDay(cal, "frame", "2026-12-07")).toBe(8);
    expect(hoursOnDay(cal, "frame", "2026-12-08")).toBe(0);
    expect(hoursOnDay(cal, "upholstery", "2026-12-12")).toBe(6); // Saturday overtime
    expect(hoursOnDay(cal, "upholstery", "2026-12-13")).toBe(0);
    expect(hoursOnDay(cal, "frame", "2026-12-28")).toBe(0); // a Monday in the closure
    const grid = capacityGrid(cal, dayNumber("2026-12-07"), 30);
    expect(Array.from(grid.centres[0]!.capacity.slice(0, 7))).toEqual([8, 0, 8, 8, 8, 0, 0]);
    expect(grid.open[5]).toBe(1); // Saturday: upholstery works overtime
    expect(grid.open[6]).toBe(0);
    expect(grid.closedBy[dayNumber("2026-12-24") - grid.from]).toBe("Winter closure");
  });
});

describe("scheduleOrder", () => {
  it("runs the operations in order, each from the working day after the previous one ends, and ships after the last", () => {
    const result = plan();
    expect(result.operations.map((o) => [o.workCentre, o.start, o.end])).toEqual([
      ["frame", "2026-12-07", "2026-12-07"],
      ["upholstery", "2026-12-08", "2026-12-09"],
    ]);
    expect(result.operations[1]!.bookings).toEqual([{ day: "2026-12-08", hours: 8, capacity: 8 }, { day: "2026-12-09", hours: 4, capacity: 8 }]);
    expect(result.productionEnd).toBe("2026-12-09");
    expect(result.promisedDate).toBe("2026-12-11"); // Wednesday + 2 days: Friday
    expect(result.reasons).toEqual([]);
  });

  it("waits for the materials, skips weekends and moves a promise off a closed day", () => {
    const result = plan({ leadDays: 4, operations: ops(["frame", 12]) }); // materials Fri 11 Dec
    expect(result.materialsReady).toBe("2026-12-11");
    expect(result.operations[0]!.bookings.map((b) => b.day)).toEqual(["2026-12-11", "2026-12-14"]);
    expect(result.promisedDate).toBe("2026-12-16");
    const weekend = plan({ operations: ops(["frame", 8]), shippingDays: 5 }); // ends Mon 7 Dec, +5 = Sat 12 Dec
    expect(weekend.promisedDate).toBe("2026-12-14");
    expect(result.reasons).toEqual([{ kind: "materials", until: "2026-12-11", days: 4 }]);
  });

  it("takes only the free hours of each day and says which centre is booked up until when", () => {
    const booked: BookedHours = { upholstery: { "2026-12-08": 8, "2026-12-09": 8, "2026-12-10": 6 } };
    const result = plan({ booked, trace: true });
    expect(result.operations[1]!.bookings).toEqual([
      { day: "2026-12-10", hours: 2, capacity: 8 },
      { day: "2026-12-11", hours: 8, capacity: 8 },
      { day: "2026-12-14", hours: 2, capacity: 8 },
    ]);
    expect(result.reasons).toEqual([{ kind: "booked", centre: "upholstery", centreName: "Upholstery", until: "2026-12-09" }]);
    // Every working day it looked at, with the hours it saw booked: placement re-checks these under the lock.
    expect(result.seen).toEqual([
      { centre: "frame", day: "2026-12-07", booked: 0 },
      { centre: "upholstery", day: "2026-12-08", booked: 8 },
      { centre: "upholstery", day: "2026-12-09", booked: 8 },
      { centre: "upholstery", day: "2026-12-10", booked: 6 },
      { centre: "upholstery", day: "2026-12-11", booked: 0 },
      { centre: "upholstery", day: "2026-12-14", booked: 0 },
    ]);
  });

  it("schedules nothing in a shop closure and names it as a reason", () => {
    const closures = [{ name: "Winter closure", first: "2026-12-24", last: "2027-01-01" }];
    const result = plan({ today: new Date("2026-12-23T08:00:00Z"), operations: ops(["frame", 16]), shippingDays: 1, calendar: calendar({ closures }) });
    expect(result.operations[0]!.bookings.map((b) => b.day)).toEqual(["2026-12-23", "2027-01-04"]);
    expect(result.promisedDate).toBe("2027-01-05");
    expect(result.reasons).toContainEqual({ kind: "closed", name: "Winter closure", first: "2026-12-24", last: "2027-01-01" });
  });

  it("uses a centre's overtime and holidays, and skips operations without hours", () => {
    const exceptions = [{ centre: "frame", day: "2026-12-07", hours: 0 }, { centre: "frame", day: "2026-12-08", hours: 12 }];
    const result = plan({ operations: ops(["frame", 12], ["upholstery", 0]), calendar: calendar({ exceptions }) });
    expect(result.operations).toHaveLength(1);
    expect(result.operations[0]!.bookings).toEqual([{ day: "2026-12-08", hours: 12, capacity: 12 }]);
  });

  it("refuses an operation at a work centre that is not in use, and a horizon that cannot take the work", () => {
    const unknown = scheduleOrder({ today: new Date("2026-12-07"), leadDays: 0, operations: ops(["paint", 2]), shippingDays: 0, calendar: calendar(), booked: {} });
    expect(unknown).toMatchObject({ ok: false, code: "unplannable" });
    const full = scheduleOrder({ today: new Date("2026-12-07"), leadDays: 0, operations: ops(["frame", 100]), shippingDays: 0, calendar: calendar(), booked: {}, horizonDays: 14 });
    expect(full).toMatchObject({ ok: false, code: "full" });
    if (!full.ok) expect(full.message).toMatch(/^Fully booked until .*: Frame shop has 80 free hours in the next 2 weeks and this order needs 100 there/);
    expect(scheduleOrder({ today: new Date("x"), leadDays: 0, operations: [], shippingDays: 0, calendar: calendar(), booked: {} })).toMatchObject({ ok: false, code: "invalid" });
    expect(scheduleOrder({ today: new Date(), leadDays: -1, operations: [], shippingDays: 0, calendar: calendar(), booked: {} })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("never books more than a day has free, books every hour, and never promises a closed day (random calendars)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const start = dayNumber("2026-12-01") + Math.floor(random() * 40);
      const cal = calendar({
        centres: [
          { id: "frame", name: "Frame shop", weekdayHours: MON_FRI(Math.floor(random() * 3) * 8) },
          { id: "upholstery", name: "Upholstery", weekdayHours: [8, 8, 8, 8, 8, random() < 0.3 ? 4 : 0, 0] },
        ],
        exceptions: Array.from({ length: 5 }, () => ({ centre: random() < 0.5 ? "frame" : "upholstery", day: isoDay(start + Math.floor(random() * 30)), hours: Math.floor(random() * 3) * 6 })),
        closures: random() < 0.5 ? [{ name: "Closure", first: isoDay(start + 3), last: isoDay(start + 3 + Math.floor(random() * 10)) }] : [],
      });
      const booked: BookedHours = { frame: {}, upholstery: {} };
      for (let i = 0; i < 20; i++) booked[random() < 0.5 ? "frame" : "upholstery"]![isoDay(start + Math.floor(random() * 30))] = Math.floor(random() * 9);
      const work = ops(["frame", Math.floor(random() * 30)], ["upholstery", Math.floor(random() * 30) + 1]);
      const result = scheduleOrder({ today: new Date(isoDay(start)), leadDays: Math.floor(random() * 5), operations: work, shippingDays: Math.floor(random() * 6), calendar: cal, booked });
      if (!result.ok) {
        expect(result.code).toBe("full");
        continue;
      }
      for (const op of result.operations) {
        const total = op.bookings.reduce((sum, b) => sum + b.hours, 0);
        expect(total).toBeCloseTo(work.find((w) => w.key === op.key)!.hours, 6);
        for (const b of op.bookings) expect(b.hours).toBeLessThanOrEqual(hoursOnDay(cal, op.workCentre, b.day) - (booked[op.workCentre]![b.day] ?? 0) + 1e-9);
      }
      const promised = result.promisedDate;
      expect(cal.closures.some((c) => c.first <= promised && promised <= c.last), promised).toBe(false);
      expect(cal.centres.some((c) => hoursOnDay(cal, c.id, promised) > 0), promised).toBe(true);
      expect(promised >= result.productionEnd).toBe(true);
    }
  });
});
