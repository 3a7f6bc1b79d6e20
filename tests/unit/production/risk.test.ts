import { describe, expect, it } from "vitest";
import { assessRisk, daysLeft } from "@/lib/production/risk";

const today = new Date("2026-11-25T15:00:00Z"); // Wednesday of 2026-W48
const days = (first: string, last: string) => ({ first: new Date(`${first}T00:00:00Z`), last: new Date(`${last}T00:00:00Z`) });

describe("days left and risk on the board", () => {
  it("counts calendar days to the promise, negative once passed", () => {
    expect(daysLeft(new Date("2026-11-25"), today)).toBe(0);
    expect(daysLeft(new Date("2026-12-02"), today)).toBe(7);
    expect(daysLeft(new Date("2026-11-23"), today)).toBe(-2);
  });

  it("flags an undelivered order whose promised date has passed as late, a shipped one included", () => {
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-11-24"), bookedDays: null, today })).toBe("late");
    expect(assessRisk({ status: "SHIPPED", promisedDate: new Date("2026-11-01"), bookedDays: null, today })).toBe("late");
    expect(assessRisk({ status: "SHIPPED", promisedDate: new Date("2026-11-25"), bookedDays: null, today })).toBe("done");
    expect(assessRisk({ status: "DELIVERED", promisedDate: new Date("2026-11-01"), bookedDays: null, today })).toBe("done");
    expect(assessRisk({ status: "CANCELLED", promisedDate: new Date("2026-11-01"), bookedDays: null, today })).toBe("done");
  });

  it("flags an order not started although a booked production day has passed as at risk", () => {
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-24", "2026-12-01"), today })).toBe("at_risk");
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-25", "2026-12-01"), today })).toBe("on_track");
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-24", "2026-12-01"), today })).toBe("on_track");
    expect(assessRisk({ status: "PLACED", promisedDate: new Date("2026-12-30"), bookedDays: days("2026-12-07", "2026-12-09"), today })).toBe("on_track");
  });

  it("flags work still in production after its last booked day as at risk", () => {
    expect(assessRisk({ status: "IN_PRODUCTION", promisedDate: new Date("2026-12-01"), bookedDays: days("2026-11-09", "2026-11-24"), today })).toBe("at_risk");
  });

  it("shows an order whose late work was rolled forward past its promise as at risk until it is re-promised", () => {
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-30", "2026-12-10"), atRisk: true, today })).toBe("at_risk");
    expect(assessRisk({ status: "CONFIRMED", promisedDate: new Date("2026-12-12"), bookedDays: days("2026-11-30", "2026-12-10"), atRisk: false, today })).toBe("on_track");
  });
});
