import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowedTransitions, checkTransition, nextStage, NEXT_STATUSES } from "@/lib/orders/state-machine";
import { ORDER_STAGES, type OrderStatus } from "@/lib/orders/status";
import type { Role } from "@/lib/users/schema";

const ALL: OrderStatus[] = [...ORDER_STAGES, "CANCELLED"];
const ROLES: Role[] = ["CUSTOMER", "STAFF", "ADMIN"];
const complete = { reason: "Customer asked", carrier: "DHL", trackingNumber: "JD0146" };

describe("order state machine", () => {
  it("moves forward one stage at a time along the production line", () => {
    const walked: OrderStatus[] = ["PLACED"];
    let current: OrderStatus | null = "PLACED";
    while ((current = nextStage(current))) walked.push(current);
    expect(walked).toEqual(ORDER_STAGES);
  });

  it("lets staff cancel before shipping only, and never after delivery or cancellation", () => {
    const cancellable = ALL.filter((s) => NEXT_STATUSES[s].includes("CANCELLED"));
    expect(cancellable).toEqual(["PLACED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY_TO_SHIP"]);
    expect(allowedTransitions("DELIVERED", "ADMIN")).toEqual([]);
    expect(allowedTransitions("CANCELLED", "STAFF")).toEqual([]);
  });

  it("lets a customer cancel only their own order, and only in PLACED or CONFIRMED", () => {
    expect(allowedTransitions("PLACED", "CUSTOMER")).toEqual(["CANCELLED"]);
    expect(allowedTransitions("CONFIRMED", "CUSTOMER")).toEqual(["CANCELLED"]);
    expect(allowedTransitions("IN_PRODUCTION", "CUSTOMER")).toEqual([]);
    expect(allowedTransitions("PLACED", "CUSTOMER", false)).toEqual([]);
    expect(checkTransition({ from: "PLACED", to: "CANCELLED", role: "CUSTOMER", isOwner: true })).toEqual({ ok: true });
    expect(checkTransition({ from: "IN_PRODUCTION", to: "CANCELLED", role: "CUSTOMER", isOwner: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkTransition({ from: "PLACED", to: "CONFIRMED", role: "CUSTOMER", isOwner: true })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("holds a large order for approval: staff approve (to PLACED) or decline with a reason; the customer may withdraw it", () => {
    expect(NEXT_STATUSES.AWAITING_APPROVAL).toEqual(["PLACED", "CANCELLED"]);
    expect(nextStage("AWAITING_APPROVAL")).toBe("PLACED");
    expect(allowedTransitions("AWAITING_APPROVAL", "STAFF")).toEqual(["PLACED", "CANCELLED"]);
    expect(allowedTransitions("AWAITING_APPROVAL", "CUSTOMER")).toEqual(["CANCELLED"]);
    expect(checkTransition({ from: "AWAITING_APPROVAL", to: "PLACED", role: "CUSTOMER", isOwner: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(checkTransition({ from: "AWAITING_APPROVAL", to: "PLACED", role: "STAFF", isOwner: false })).toEqual({ ok: true });
    expect(checkTransition({ from: "AWAITING_APPROVAL", to: "CANCELLED", role: "STAFF", isOwner: false })).toMatchObject({ ok: false, code: "invalid" });
    expect(checkTransition({ from: "AWAITING_APPROVAL", to: "CANCELLED", role: "STAFF", isOwner: false, reason: "Too large for us" })).toEqual({ ok: true });
    // No way back into approval, and it cannot skip to production.
    for (const from of ALL) expect(NEXT_STATUSES[from]).not.toContain("AWAITING_APPROVAL");
    expect(checkTransition({ from: "AWAITING_APPROVAL", to: "CONFIRMED", role: "STAFF", isOwner: false })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("refuses skipping a stage with a message naming the next step", () => {
    const result = checkTransition({ from: "PLACED", to: "DELIVERED", role: "STAFF", isOwner: false, ...complete });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(result.message).toMatch(/placed to delivered.*next step is confirmed/i);
  });

  it("asks staff for a reason to cancel and for carrier and tracking to ship", () => {
    expect(checkTransition({ from: "CONFIRMED", to: "CANCELLED", role: "STAFF", isOwner: false })).toMatchObject({ ok: false, code: "invalid" });
    expect(checkTransition({ from: "CONFIRMED", to: "CANCELLED", role: "STAFF", isOwner: false, reason: "   " })).toMatchObject({ ok: false });
    expect(checkTransition({ from: "READY_TO_SHIP", to: "SHIPPED", role: "ADMIN", isOwner: false, carrier: "DHL" })).toMatchObject({ ok: false, code: "invalid" });
    expect(checkTransition({ from: "READY_TO_SHIP", to: "SHIPPED", role: "ADMIN", isOwner: false, ...complete })).toEqual({ ok: true });
  });

  it("agrees with allowedTransitions for every status, role and target (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.constantFrom(...ALL), fc.constantFrom(...ROLES), fc.boolean(), (from, to, role, isOwner) => {
        const check = checkTransition({ from, to, role, isOwner, ...complete });
        expect(check.ok).toBe(allowedTransitions(from, role, isOwner).includes(to));
        if (check.ok) expect(to === "CANCELLED" || ORDER_STAGES.indexOf(to) === ORDER_STAGES.indexOf(from) + 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
