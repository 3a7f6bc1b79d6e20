import { describe, expect, it } from "vitest";
import { diffDefinitions, fieldLabel, isMoneyField } from "@/lib/catalog/versions/diff";
import { demoProducts } from "@/prisma/demo-products";

const base = () => ({
  basePriceCents: 100_00,
  baseLeadDays: 10,
  premiumPercent: 0,
  routing: [
    { id: "cut", label: "Cut", workCentre: "frame", hours: 2 },
    { id: "sew", label: "Sew", workCentre: "upholstery", hours: 3 },
  ],
  groups: [
    { id: "wood", label: "Wood", type: "single", required: true, options: [
      { id: "oak", label: "Oak", priceCents: 50_00, leadDays: 0, productionHours: 0 },
      { id: "ash", label: "Ash", priceCents: 0, leadDays: 0, productionHours: 0 },
    ] },
    { id: "width", label: "Width", type: "number", required: true, unit: "cm", min: 100, max: 200, step: 10, priceCentsPerUnit: 100, productionHoursPerUnit: 0 },
  ],
  rules: [
    { id: "no-oak-wide", kind: "excludes", message: "Oak is not made wider than 180 cm", when: { selected: { group: "wood", option: "oak" } }, then: { compare: { group: "width", op: ">", value: 180 } } },
  ],
});

describe("the difference between two versions", () => {
  it("finds nothing between a definition and itself, key order aside", () => {
    const a = base();
    const b = JSON.parse(JSON.stringify(a, Object.keys(a).reverse())) as unknown;
    expect(diffDefinitions(a, base()).same).toBe(true);
    expect(diffDefinitions(b, a).fields).toEqual([]);
    for (const product of demoProducts) expect(diffDefinitions(product.definition, structuredClone(product.definition)).same).toBe(true);
  });

  it("lists changed base prices, option prices, lead days and hours with before and after", () => {
    const to = base();
    to.basePriceCents = 120_00;
    to.groups[0]!.options![0]!.priceCents = 60_00;
    to.groups[0]!.options![1]!.leadDays = 7;
    to.groups[1]!.priceCentsPerUnit = 150;
    const d = diffDefinitions(base(), to);
    expect(d.same).toBe(false);
    expect(d.fields).toEqual([{ field: "basePriceCents", before: 100_00, after: 120_00 }]);
    expect(d.options.changed.map((o) => [o.group, o.id, o.changes])).toEqual([
      ["wood", "oak", [{ field: "priceCents", before: 50_00, after: 60_00 }]],
      ["wood", "ash", [{ field: "leadDays", before: 0, after: 7 }]],
    ]);
    expect(d.groups.changed.map((g) => [g.id, g.changes])).toEqual([["width", [{ field: "priceCentsPerUnit", before: 100, after: 150 }]]]);
    expect(d.groups.added).toEqual([]);
  });

  it("lists added and removed groups, options, rules and operations by id, with their labels and messages", () => {
    const to = base();
    to.groups[0]!.options!.splice(1, 1, { id: "walnut", label: "Walnut", priceCents: 90_00, leadDays: 14, productionHours: 1 });
    to.groups.push({ id: "finish", label: "Finish", type: "single", required: false, options: [{ id: "oil", label: "Oil", priceCents: 0, leadDays: 0, productionHours: 0 }] });
    to.rules = [{ ...to.rules[0]!, message: "Oak stops at 180 cm" }, { id: "walnut-slow", kind: "leadTime", message: "Walnut is dried for a week", when: { selected: { group: "wood", option: "walnut" } } } as never];
    to.routing = [to.routing[1]!, to.routing[0]!, { id: "pack", label: "Pack", workCentre: "assembly", hours: 0.5 }];
    const d = diffDefinitions(base(), to);
    expect(d.options.added.map((o) => `${o.group}/${o.id} ${o.label}`)).toEqual(["wood/walnut Walnut"]);
    expect(d.options.removed.map((o) => `${o.group}/${o.id} ${o.label}`)).toEqual(["wood/ash Ash"]);
    // The options of a group that is new are part of it, not listed again.
    expect(d.groups.added.map((g) => g.id)).toEqual(["finish"]);
    expect(d.rules.changed).toHaveLength(1);
    expect(d.rules.changed[0]).toMatchObject({ id: "no-oak-wide", label: "Oak stops at 180 cm", changes: [{ field: "message", before: "Oak is not made wider than 180 cm", after: "Oak stops at 180 cm" }] });
    expect(d.rules.added.map((r) => [r.id, r.kind, r.label])).toEqual([["walnut-slow", "leadTime", "Walnut is dried for a week"]]);
    expect(d.routing.added.map((o) => o.id)).toEqual(["pack"]);
    expect(d.routing.reordered).toBe(true);
    expect(d.routing.changed).toEqual([]);
  });

  it("shows a top-level field it does not know as changed, compared as JSON", () => {
    const from = { ...base(), priceTables: [{ id: "t1", rows: [[1, 2]] }] };
    const to = { ...base(), priceTables: [{ id: "t1", rows: [[1, 3]] }], tiers: [{ from: 10, percent: -5 }] };
    const d = diffDefinitions(from, to);
    expect(d.fields.map((f) => f.field)).toEqual(["priceTables", "tiers"]);
    expect(d.fields[1]).toEqual({ field: "tiers", before: undefined, after: [{ from: 10, percent: -5 }] });
    expect(d.same).toBe(false);
    // An unknown field on an option shows too.
    const withFormula = base();
    (withFormula.groups[0]!.options![0] as Record<string, unknown>).formula = "width * 2";
    expect(diffDefinitions(base(), withFormula).options.changed[0]?.changes).toEqual([{ field: "formula", before: undefined, after: "width * 2" }]);
  });

  it("reads anything without throwing (a damaged definition is compared as far as it goes)", () => {
    expect(diffDefinitions(null, base()).fields.map((f) => f.field)).toEqual(["basePriceCents", "baseLeadDays", "premiumPercent"]);
    expect(diffDefinitions({ groups: "x", rules: [1, null] }, { groups: [{ label: "No id" }] }).groups.added.map((g) => g.id)).toEqual(["#1"]);
  });

  it("names fields for people and knows which hold money", () => {
    expect(fieldLabel("basePriceCents")).toBe("Base price");
    expect(fieldLabel("priceTables")).toBe("priceTables");
    expect(isMoneyField("priceCentsPerUnit")).toBe(true);
    expect(isMoneyField("leadDays")).toBe(false);
  });
});
