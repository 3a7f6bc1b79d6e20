import { describe, expect, it } from "vitest";
import { evaluate, normalize } from "@/lib/configurator";
import { checkChange, type ChangeableOrder } from "@/lib/orders/change-plan";
import { buildSnapshot } from "@/lib/orders/snapshot";
import { demoProducts } from "@/prisma/demo-products";
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

describe("change orders onto the product's newer version", () => {
  const sofa = demoProducts.find((p) => p.slug === "linden-sofa")!.definition;
  const dearer = { ...sofa, basePriceCents: sofa.basePriceCents + 10_000 };
  const v1 = { id: "v1", version: 1, definition: sofa };
  const normalized = normalize(sofa, {});
  if (!normalized.ok) throw new Error("the sofa's defaults are invalid");
  const selection = normalized.selection;
  const built = buildSnapshot({ product: { id: "p", slug: "linden-sofa", name: "Linden sofa", version: v1 }, selection, evaluation: evaluate(sofa, selection, { quantity: 1 }), currency: "EUR", promisedDate: new Date("2027-01-11T00:00:00Z") });
  const order = {
    id: "o", number: "AT-2026-000001", customerId: "c", status: "CONFIRMED", version: 2, revision: 1, quantity: 1, snapshot: built.json, configHash: built.configHash,
    currency: "EUR", totalCents: built.json.totalCents, leadDays: 0, productionHours: 0, promisedDate: new Date("2027-01-11T00:00:00Z"), createdAt: new Date(),
    product: { id: "p", slug: "linden-sofa", name: "Linden sofa" }, productVersion: v1, customer: { name: "C", email: "c@example.com" },
  } satisfies ChangeableOrder;

  it("the same configuration on the order's own version is no change", () => {
    expect(checkChange(order, selection, 1)).toMatchObject({ ok: false, code: "unchanged" });
  });

  it("the same configuration on the newer version is a change: the version first among the differences, priced on that version", () => {
    const checked = checkChange(order, selection, 1, { id: "v2", version: 2, definition: dearer });
    expect(checked).toMatchObject({ ok: true, version: { id: "v2", version: 2 }, differences: ["Product version: 1 → 2"] });
    if (!checked.ok) return;
    expect(checked.evaluation.totalCents).toBe(evaluate(dearer, selection, { quantity: 1 }).totalCents);
    expect(checked.evaluation.totalCents).not.toBe(order.totalCents);
    expect(checked.snapshot.product).toMatchObject({ version: 2, versionId: "v2" });
  });
});
