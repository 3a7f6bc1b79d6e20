import { describe, expect, it } from "vitest";
import { assessRisk, daysLeft } from "@/lib/production/risk";

const today = new Date("2026-11-25T15:00:00Z"); // a Wednesday
const days = (...iso: string[]) => iso.map((d) => new Date(`${d}T00:00:00Z`));

describe("days left and risk on the board", () => {
  it("counts calendar days to the promise, negative once passed", () => {
    expect(daysLeft(new Date("2026-11-25"), today)).toBe(0);
    expect(daysLeft(new Date("2026-12-02"), today)).toBe(7);
    expect(daysLeft(new Date("2026-11-23"), today)).toBe(-2);
  });

  it("flags an unshipped order whose promised date has passed as late", () => {
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-11-24"), bookedDays: [], today })).toBe("late");
    expect(assessRisk({ status: "SHIPPED", promisedDate: new Date("2026-11-01"), bookedDays: [], today })).toBe("done");
  });

  it("flags an order not started although a booked day has passed as at risk", () => {
    const booked = days("2026-11-24", "2026-11-25", "2026-11-30");
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedDays: booked, today })).toBe("at_risk");
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-12-12"), bookedDays: booked, today })).toBe("on_track");
    expect(assessRisk({ status: "PLACED", promisedDate: new Date("2026-12-30"), bookedDays: days("2026-11-25", "2026-12-07"), today })).toBe("on_track");
  });

  it("flags work still in the workshop after its last booked day, and late work rolled past the promise, as at risk", () => {
    expect(assessRisk({ status: "QUALITY_CHECK", promisedDate: new Date("2026-12-01"), bookedDays: days("2026-11-20"), today })).toBe("at_risk");
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-30"), atRisk: true, today })).toBe("at_risk");
  });
});
