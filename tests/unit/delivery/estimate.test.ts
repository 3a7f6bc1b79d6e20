import { describe, expect, it } from "vitest";
import { estimateDelivery, isDeliveryContext, type DeliveryContext } from "@/lib/delivery/estimate";
import { formatWeekWindow, typicalDeliveryWeeks } from "@/lib/delivery/typical-window";
import { demoProducts } from "@/prisma/demo-products";

const context = (over: Partial<DeliveryContext> = {}): DeliveryContext => ({
  today: "2026-11-25", // a Wednesday, ISO week 2026-W48
  shippingDays: 5,
  defaultWeeklyHours: 40,
  overrides: {},
  booked: {},
  ...over,
});

describe("estimateDelivery", () => {
  it("books production from the week materials arrive and adds shipping to its Sunday", () => {
    const estimate = estimateDelivery(context(), 7, 10); // materials 2 Dec (W49), production ends Sun 6 Dec
    expect(estimate).toMatchObject({ ok: true, productionWeeks: 1, waitingWeeks: 0 });
    if (!estimate.ok) throw new Error("expected a plan");
    expect(estimate.promisedDate.toISOString().slice(0, 10)).toBe("2026-12-11");
    expect(estimate.weekOf.toISOString().slice(0, 10)).toBe("2026-12-07");
  });

  it("moves the date out when the shop is full, and says how long it waits", () => {
    const busy = estimateDelivery(context({ booked: { "2026-W49": 40, "2026-W50": 40 } }), 7, 10);
    if (!busy.ok) throw new Error("expected a plan");
    expect(busy.waitingWeeks).toBe(2);
    expect(busy.promisedDate.toISOString().slice(0, 10)).toBe("2026-12-25");
  });

  it("respects a holiday override and spreads a long job over several weeks", () => {
    const plan = estimateDelivery(context({ overrides: { "2026-W49": 0 } }), 7, 60);
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.productionWeeks).toBe(2);
    expect(plan.waitingWeeks).toBe(1);
  });

  it("reports when there is no capacity at all", () => {
    expect(estimateDelivery(context({ defaultWeeklyHours: 0 }), 0, 1).ok).toBe(false);
  });
});

describe("isDeliveryContext", () => {
  it("accepts the route's shape and rejects anything else", () => {
    expect(isDeliveryContext(context({ booked: { "2026-W49": 12.5 } }))).toBe(true);
    expect(isDeliveryContext({ ...context(), today: "tomorrow" })).toBe(false);
    expect(isDeliveryContext({ ...context(), booked: { "2026-W49": "12" } })).toBe(false);
    expect(isDeliveryContext(null)).toBe(false);
  });
});

describe("typicalDeliveryWeeks", () => {
  it("gives every demo product a window of whole weeks, quickest first", () => {
    for (const product of demoProducts) {
      const window = typicalDeliveryWeeks(product.definition, { shippingDays: 5, defaultWeeklyHours: 80 });
      expect(window, product.slug).not.toBeNull();
      expect(window!.min).toBeGreaterThanOrEqual(1);
      expect(window!.max).toBeGreaterThan(window!.min - 1);
      expect(formatWeekWindow(window!)).toMatch(/^\d+(–\d+)? weeks$/);
    }
  });
});
