import { describe, expect, it } from "vitest";
import { buildTimeline, currentOperationText } from "@/lib/orders/timeline";

const at = (d: string) => new Date(`2026-12-${d}T10:00:00Z`);
const events = [
  { fromStatus: null, toStatus: "PLACED" as const, createdAt: at("01"), note: "" },
  { fromStatus: "PLACED" as const, toStatus: "CONFIRMED" as const, createdAt: at("02"), note: "" },
  { fromStatus: "CONFIRMED" as const, toStatus: "IN_PRODUCTION" as const, createdAt: at("03"), note: "Frame started (Frame shop)" },
  { fromStatus: "IN_PRODUCTION" as const, toStatus: "IN_PRODUCTION" as const, createdAt: at("04"), note: "Frame finished (Frame shop, 3 h)" },
  { fromStatus: "IN_PRODUCTION" as const, toStatus: "IN_PRODUCTION" as const, createdAt: at("05"), note: "Upholstery started (Upholstery)" },
];

describe("the customer's timeline with operations", () => {
  it("shows the operation in progress and which are done, and keeps the stage's date at the day it was reached", () => {
    const steps = buildTimeline("IN_PRODUCTION", events, [
      { label: "Frame", status: "DONE" },
      { label: "Upholstery", status: "RUNNING" },
      { label: "Assembly", status: "PENDING" },
    ]);
    const production = steps.find((s) => s.status === "IN_PRODUCTION");
    expect(production).toMatchObject({ state: "current", at: at("03"), note: "Upholstery - in progress" });
    expect(production?.operations).toEqual([{ label: "Frame", state: "done" }, { label: "Upholstery", state: "current" }, { label: "Assembly", state: "upcoming" }]);
    expect(steps.map((s) => s.status)).toEqual(["PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP", "SHIPPED", "DELIVERED"]);
  });

  it("names the next operation between two, and nothing before production starts", () => {
    expect(currentOperationText([{ label: "Frame", status: "DONE" }, { label: "Paint", status: "PENDING" }])).toBe("Paint - up next");
    expect(currentOperationText([{ label: "Frame", status: "PENDING" }])).toBeNull();
    const confirmed = buildTimeline("CONFIRMED", events.slice(0, 2), [{ label: "Frame", status: "PENDING" }]);
    expect(confirmed.find((s) => s.status === "IN_PRODUCTION")).toMatchObject({ state: "upcoming", note: "" });
    expect(confirmed.find((s) => s.status === "IN_PRODUCTION")?.operations).toBeUndefined();
  });

  it("a re-promise note on the same status does not move or rename a stage", () => {
    const steps = buildTimeline("CONFIRMED", [...events.slice(0, 2), { fromStatus: "CONFIRMED", toStatus: "CONFIRMED", createdAt: at("09"), note: "Re-promised for 14 Jan 2027 (was 24 Dec 2026): late fabric" }]);
    expect(steps.find((s) => s.status === "CONFIRMED")).toMatchObject({ state: "current", at: at("02"), note: "" });
  });
});
