import { describe, expect, it } from "vitest";
import { BUSY_WEEKS, SCHEDULE_CALENDAR, SCHEDULE_OPERATIONS, SCHEDULE_TODAY, busyBookings, scheduleContext, scheduleInput } from "@/bench/lib/schedule-fixture";
import { ENGINE_LABELS, checkBudgets, readEngineFigures, unmetBudgets, type BenchReport } from "@/bench/lib/report";
import { dayNumber, dayOfDate, hoursOnDay } from "@/lib/delivery/calendar";
import { estimateDelivery, isDeliveryContext, type DeliveryContext } from "@/lib/delivery/estimate";
import { scheduleOrder } from "@/lib/delivery/schedule";

// The engine benchmark's delivery plan (bench/lib/schedule-fixture.ts) and how npm run bench judges it.
describe("the engine benchmark's delivery plan", () => {
  const plan = scheduleOrder(scheduleInput(true));
  if (!plan.ok) throw new Error(plan.message);

  it("plans 4 operations over 4 of the 5 work centres, walking most of the 104 weeks through a busy workshop", () => {
    expect(SCHEDULE_CALENDAR.centres).toHaveLength(5);
    expect(new Set(plan.operations.map((o) => o.workCentre)).size).toBe(4);
    expect(plan.operations.map((o) => o.key)).toEqual(SCHEDULE_OPERATIONS.map((o) => o.key));
    const weeksOut = (dayNumber(plan.promisedDate) - dayOfDate(SCHEDULE_TODAY)) / 7;
    expect(weeksOut).toBeGreaterThan(52);
    expect(weeksOut).toBeLessThan(BUSY_WEEKS);
    // It looked at hundreds of full days before it found the hours.
    expect(plan.seen.length).toBeGreaterThan(300);
    expect(plan.reasons.filter((r) => r.kind === "booked").length).toBeGreaterThanOrEqual(3);
  });

  it("books most working days full, never more than a day's hours, and nothing on a closed day", () => {
    const booked = busyBookings();
    let days = 0;
    for (const centre of SCHEDULE_CALENDAR.centres) {
      for (const [day, hours] of Object.entries(booked[centre.id]!)) {
        days++;
        const capacity = hoursOnDay(SCHEDULE_CALENDAR, centre.id, day);
        expect(capacity).toBeGreaterThan(0);
        expect(hours).toBeLessThanOrEqual(capacity);
      }
    }
    expect(days).toBeGreaterThan(5 * BUSY_WEEKS * 5 * 0.9);
    for (const op of plan.operations) for (const b of op.bookings) expect(hoursOnDay(SCHEDULE_CALENDAR, op.workCentre, b.day)).toBe(b.capacity);
  });

  it("gives the browser's estimate on the JSON context the date the server plans", () => {
    const context = JSON.parse(JSON.stringify(scheduleContext())) as DeliveryContext;
    expect(isDeliveryContext(context)).toBe(true);
    const estimate = estimateDelivery(context, scheduleInput().leadDays, SCHEDULE_OPERATIONS.map((o) => ({ workCentre: o.workCentre, hours: o.hours, label: o.label })));
    expect(estimate.ok && estimate.promisedDate.toISOString().slice(0, 10)).toBe(plan.promisedDate);
  });
});

describe("the engine budgets", () => {
  const output = [
    `${ENGINE_LABELS.evaluateAllMedianMs.padEnd(44)} median 0.3000 ms   p99 1.0000 ms   (5000 runs)`,
    `${ENGINE_LABELS.evaluateMedianMs.padEnd(44)} median 0.2500 ms`,
    `${ENGINE_LABELS.scheduleMedianMs.padEnd(44)} median 0.4321 ms   p99 3.0000 ms   (2000 runs)`,
    `scheduleOrder with the days seen (placement) median 9.9999 ms   p99 9.0000 ms   (2000 runs)`,
    `${ENGINE_LABELS.estimateMedianMs.padEnd(44)} median 2.5000 ms   p99 4.0000 ms   (2000 runs)`,
  ].join("\n");
  const report = (engine: BenchReport["engine"]): BenchReport => ({
    startedAt: "2026-12-01T00:00:00Z", machine: {}, settings: { sizes: [1000], concurrency: [1, 16], secondsPerScenario: 3, tool: "autocannon" },
    buildSeconds: 0, passes: [], browser: null, engine, totalSeconds: 0,
  });

  it("read each figure from bench/engine.ts's output by its own label", () => {
    expect(readEngineFigures(output)).toEqual({ evaluateAllMedianMs: 0.3, evaluateMedianMs: 0.25, scheduleMedianMs: 0.4321, estimateMedianMs: 2.5 });
    expect(() => readEngineFigures(output.split("\n").slice(0, 3).join("\n"))).toThrow(/estimateDelivery/);
  });

  it("hold the delivery estimate under 2 ms median, on the server and in the browser", () => {
    const budgets = checkBudgets(report(readEngineFigures(output)));
    const server = budgets.find((b) => b.name.includes("estimate on the server"))!;
    expect(server).toMatchObject({ target: "< 2 ms", figure: "0.4321 ms", met: true });
    expect(server.name).toContain("5 work centres x 104 weeks");
    const browser = budgets.find((b) => b.name.includes("estimate in the browser"))!;
    expect(browser).toMatchObject({ target: "< 2 ms", figure: "2.5 ms", met: false });
    expect(unmetBudgets(budgets)).toEqual([browser]);
  });

  it("judge a report from before work centres on evaluate alone", () => {
    const budgets = checkBudgets(report({ evaluateMedianMs: 0.2 }));
    expect(budgets.map((b) => b.name)).toEqual(["engine evaluate, large definition (median of the quietest of 5 blocks of 1,000)"]);
  });
});
