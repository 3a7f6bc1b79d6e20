import { describe, expect, it } from "vitest";
import { changeModeFor, describeDifferences, revisionNote } from "@/lib/orders/revision";
import { revisionTimeline } from "@/lib/orders/timeline";
import type { SnapshotChoice } from "@/lib/orders/snapshot";

const choice = (group: string, groupLabel: string, label: string, option: string | null = label.toLowerCase()): SnapshotChoice => ({ group, groupLabel, option, label, value: null, unit: null, priceCents: 0 });

describe("change orders: what differs, in words", () => {
  const before = { quantity: 1, choices: [choice("material", "Upholstery", "Wool boucle"), choice("width", "Width", "200 cm", null), choice("extras", "Extras", "Cushion"), choice("engraving", "Engraving", "AB", null)] };

  it("names each changed group once, with before and after, and the quantity", () => {
    const after = { quantity: 2, choices: [choice("material", "Upholstery", "Washed linen"), choice("width", "Width", "210 cm", null), choice("extras", "Extras", "Cushion"), choice("extras", "Extras", "Throw"), choice("engraving", "Engraving", "AB", null)] };
    expect(describeDifferences(before, after)).toEqual([
      "Upholstery: Wool boucle → Washed linen",
      "Width: 200 cm → 210 cm",
      "Extras: added Throw",
      "Quantity: 1 → 2",
    ]);
  });

  it("says what was removed or newly chosen, and nothing when nothing differs", () => {
    const after = { quantity: 1, choices: [choice("material", "Upholstery", "Wool boucle"), choice("width", "Width", "200 cm", null), choice("legs", "Legs", "Oak")] };
    expect(describeDifferences(before, after)).toEqual(["Extras: Cushion → none", "Engraving: AB → none", "Legs: none → Oak"]);
    expect(describeDifferences(before, before)).toEqual([]);
  });

  it("the event note carries the revision and the differences", () => {
    expect(revisionNote("applied", 2, ["Upholstery: Wool boucle → Washed linen"])).toBe("Specification changed (revision 2): Upholstery: Wool boucle → Washed linen");
  });
});

describe("change orders: which change the settings allow at each stage", () => {
  const policy = { changeDirectUntil: "CONFIRMED", changeRequestUntil: "IN_PRODUCTION" } as const;
  it("changes directly until the set stage, then only by request, then not at all", () => {
    expect(changeModeFor("PLACED", policy)).toBe("direct");
    expect(changeModeFor("CONFIRMED", policy)).toBe("direct");
    expect(changeModeFor("IN_PRODUCTION", policy)).toBe("request");
    expect(changeModeFor("QUALITY_CHECK", policy)).toBe("none");
    for (const closed of ["AWAITING_APPROVAL", "SHIPPED", "DELIVERED", "CANCELLED"] as const) expect(changeModeFor(closed, policy)).toBe("none");
    expect(changeModeFor("CONFIRMED", { changeDirectUntil: "PLACED", changeRequestUntil: "READY_TO_SHIP" })).toBe("request");
    expect(changeModeFor("READY_TO_SHIP", { changeDirectUntil: "PLACED", changeRequestUntil: "READY_TO_SHIP" })).toBe("request");
  });
});

describe("change orders in the order's timeline", () => {
  it("lists applied revisions with their effect, requests waiting and declined ones with the reason", () => {
    const base = { totalBeforeCents: 100_00, totalAfterCents: 190_00, promisedBefore: new Date("2027-01-10"), promisedAfter: new Date("2027-01-12"), decisionNote: "" };
    const steps = revisionTimeline(
      [
        { ...base, id: "a", number: 2, status: "APPLIED", createdAt: new Date("2026-12-01"), decidedAt: null, differences: ["Upholstery: Wool boucle → Washed linen"] },
        { ...base, id: "b", number: null, status: "DECLINED", createdAt: new Date("2026-12-02"), decidedAt: new Date("2026-12-03"), differences: ["Legs: Oak → Walnut"], decisionNote: "Legs already fitted" },
        { ...base, id: "c", number: null, status: "PENDING", createdAt: new Date("2026-12-04"), decidedAt: null, differences: ["Fabric colour: Sand → Sage"] },
      ],
      (c) => `€${(c / 100).toFixed(2)}`,
      (d) => d.toISOString().slice(0, 10),
    );
    expect(steps.map((s) => [s.title, s.state])).toEqual([["Revision 2", "applied"], ["Change request declined", "declined"], ["Change requested, waiting for the workshop", "pending"]]);
    expect(steps[0]!.detail).toBe("Price €100.00 → €190.00; delivery 2027-01-10 → 2027-01-12");
    expect(steps[1]!.detail).toBe("Legs already fitted");
    expect(steps[2]!.detail).toMatch(/^If approved: /);
  });
});
