import { describe, expect, it } from "vitest";
import { assessRisk, daysLeft } from "@/lib/production/risk";

const today = new Date("2026-11-25T15:00:00Z"); // Wednesday of 2026-W48
const week = (key: string, monday: string) => ({ week: key, weekStart: new Date(`${monday}T00:00:00Z`) });

describe("days left and risk on the board", () => {
  it("counts calendar days to the promise, negative once passed", () => {
    expect(daysLeft(new Date("2026-11-25"), today)).toBe(0);
    expect(daysLeft(new Date("2026-12-02"), today)).toBe(7);
    expect(daysLeft(new Date("2026-11-23"), today)).toBe(-2);
  });

  it("flags an unshipped order whose promised date has passed as late", () => {
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-11-24"), bookedWeeks: [], today })).toBe("late");
    expect(assessRisk({ status: "SHIPPED", promisedDate: new Date("2026-11-01"), bookedWeeks: [], today })).toBe("done");
  });

  it("flags an order not started although its booked production week has begun as at risk", () => {
    const booked = [week("2026-W48", "2026-11-23"), week("2026-W49", "2026-11-30")];
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedWeeks: booked, today })).toBe("at_risk");
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-12-12"), bookedWeeks: booked, today })).toBe("on_track");
    expect(assessRisk({ status: "PLACED", promisedDate: new Date("2026-12-30"), bookedWeeks: [week("2026-W50", "2026-12-07")], today })).toBe("on_track");
  });

  it("flags work still in the workshop after its last booked week as at risk", () => {
    const booked = [week("2026-W46", "2026-11-09")];
    expect(assessRisk({ status: "QUALITY_CHECK", promisedDate: new Date("2026-12-01"), bookedWeeks: booked, today })).toBe("at_risk");
  });
});
