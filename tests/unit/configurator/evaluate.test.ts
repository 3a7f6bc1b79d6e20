import { describe, expect, it } from "vitest";
import { evaluate, type Selection } from "@/lib/configurator";
import { carDefinition, define, sel } from "./fixtures";

const base: Selection = { trim: "base", packages: [], width: 180 };
const codes = (selection: Selection, definition = carDefinition()) => evaluate(definition, selection).problems.map((p) => p.code);

describe("evaluate: rules", () => {
  it("a valid selection has no problems", () => {
    const result = evaluate(carDefinition(), base);
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it("requires: reports the rule's message when the condition is missing", () => {
    const result = evaluate(carDefinition(), { ...base, packages: ["sport-seats"] });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([{ code: "rule", ruleId: "seats-need-comfort", group: "packages", message: "Sport seats require the Comfort package" }]);
    expect(evaluate(carDefinition(), { ...base, packages: ["sport-seats", "comfort"] }).valid).toBe(true);
  });

  it("excludes: the two sides cannot both hold", () => {
    const result = evaluate(carDefinition(), { ...base, packages: ["track", "tow-bar"] });
    expect(result.problems.map((p) => p.ruleId)).toEqual(["track-no-tow"]);
    expect(evaluate(carDefinition(), { ...base, packages: ["track"] }).valid).toBe(true);
  });

  it("visibleWhen on a group: hides it, reports a hidden value, ignores it for price", () => {
    const definition = carDefinition([{ id: "mono-lux", kind: "visibleWhen", target: { group: "monogram" }, when: sel("trim", "luxury"), message: "Monograms come with the Luxury trim" }]);
    const hidden = evaluate(definition, { ...base, monogram: "AB" });
    expect(hidden.visibleGroups).not.toContain("monogram");
    expect(hidden.problems).toEqual([{ code: "rule", group: "monogram", ruleId: "mono-lux", message: "Monograms come with the Luxury trim" }]);
    expect(hidden.breakdown.lines.some((l) => l.group === "monogram")).toBe(false);
    const shown = evaluate(definition, { ...base, trim: "luxury", monogram: "AB" });
    expect(shown.visibleGroups).toContain("monogram");
    expect(shown.valid).toBe(true);
  });

  it("visibleWhen on an option: lists it as hidden and blocks it with the rule's message", () => {
    const definition = carDefinition([{ id: "track-sport", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "The Track package needs the Sport trim" }]);
    const result = evaluate(definition, base);
    expect(result.hiddenOptions).toEqual({ packages: ["track"] });
    expect(result.options.packages!.track).toMatchObject({ available: false, reason: "The Track package needs the Sport trim", ruleId: "track-sport" });
    expect(evaluate(definition, { ...base, packages: ["track"] }).problems).toEqual([{ code: "rule", group: "packages", option: "track", ruleId: "track-sport", message: "The Track package needs the Sport trim" }]);
    expect(evaluate(definition, { ...base, trim: "sport", packages: ["track"] }).valid).toBe(true);
  });

  it("range: narrows a number group while its condition holds and names the rule", () => {
    const definition = carDefinition([{ id: "lux-narrow", kind: "range", group: "width", when: sel("trim", "luxury"), min: 150, max: 200, message: "The Luxury trim is made 150-200 cm wide" }]);
    expect(evaluate(definition, base).ranges.width).toEqual({ min: 100, max: 240, step: 10, unit: "cm" });
    const result = evaluate(definition, { ...base, trim: "luxury", width: 220 });
    expect(result.ranges.width).toEqual({ min: 150, max: 200, step: 10, unit: "cm", minRuleId: "lux-narrow", maxRuleId: "lux-narrow" });
    expect(result.problems).toEqual([{ code: "range", group: "width", ruleId: "lux-narrow", message: "The Luxury trim is made 150-200 cm wide" }]);
    expect(evaluate(definition, { ...base, trim: "luxury", width: 200 }).valid).toBe(true);
  });

  it("price: adds a surcharge or discount line while its condition holds", () => {
    const definition = carDefinition([
      { id: "bundle", kind: "price", when: { all: [sel("packages", "comfort"), sel("packages", "sport-seats")] }, amountCents: -20_000, message: "Seat bundle" },
      { id: "wide", kind: "price", when: { compare: { group: "width", op: ">=", value: 200 } }, percent: 10, message: "Wide body" },
    ]);
    const lines = evaluate(definition, { ...base, packages: ["comfort", "sport-seats"], width: 200 }).breakdown.lines.filter((l) => l.kind === "rule");
    const subtotal = 100_000 + 150_000 + 120_000 + Math.round(200 * 125.5);
    expect(lines).toEqual([
      { kind: "rule", label: "Seat bundle", ruleId: "bundle", amountCents: -20_000 },
      { kind: "rule", label: "Wide body", ruleId: "wide", amountCents: Math.round(subtotal / 10) },
    ]);
    expect(evaluate(definition, base).breakdown.lines.some((l) => l.kind === "rule")).toBe(false);
  });

  it("leadTime: adds lead days (as a max) and production hours (as a sum) while its condition holds", () => {
    const definition = carDefinition([{ id: "lux-hand", kind: "leadTime", when: sel("trim", "luxury"), leadDays: 30, productionHours: 5, message: "Luxury interiors are hand-stitched" }]);
    const plain = evaluate(definition, base);
    const lux = evaluate(definition, { ...base, trim: "luxury" });
    expect(lux.leadDays).toBe(5 + 30);
    expect(lux.leadDrivers).toEqual([{ kind: "rule", ruleId: "lux-hand", days: 30, message: "Luxury interiors are hand-stitched (30 days)" }]);
    expect(lux.productionHours).toBeCloseTo(plain.productionHours + 4 + 5, 6);
  });
});

describe("evaluate: problems", () => {
  it("required: a required group without a value", () => {
    const result = evaluate(carDefinition(), { packages: [], width: 180 });
    expect(result.problems).toEqual([{ code: "required", group: "trim", message: "Choose Trim" }]);
    expect(codes({ trim: "base" })).toEqual(["required"]);
  });

  it("range and step: a number outside its range or off the step", () => {
    expect(evaluate(carDefinition(), { ...base, width: 250 }).problems).toEqual([{ code: "range", group: "width", message: "Width must be between 100 and 240 cm" }]);
    expect(evaluate(carDefinition(), { ...base, width: 185 }).problems).toEqual([{ code: "step", group: "width", message: "Width must be in steps of 10 cm" }]);
  });

  it("count: a multi group with too many or too few choices", () => {
    expect(evaluate(carDefinition(), { ...base, packages: ["comfort", "tow-bar", "sport-seats", "track"] }).problems).toContainEqual({ code: "count", group: "packages", message: "Choose at most 3 in Packages" });
    const definition = define({ groups: [{ id: "extras", label: "Extras", type: "multi", required: false, minCount: 2, options: [{ id: "a", label: "A", priceCents: 0, leadDays: 0, productionHours: 0 }, { id: "b", label: "B", priceCents: 0, leadDays: 0, productionHours: 0 }] }] });
    expect(evaluate(definition, { extras: ["a"] }).problems).toEqual([{ code: "count", group: "extras", message: "Choose at least 2 in Extras" }]);
    expect(evaluate(definition, { extras: [] }).valid).toBe(true);
  });

  it("text-length and text-pattern", () => {
    expect(evaluate(carDefinition(), { ...base, monogram: "ABCDEFG" }).problems).toEqual([{ code: "text-length", group: "monogram", message: "Monogram can be at most 6 characters" }]);
    expect(evaluate(carDefinition(), { ...base, monogram: "ab" }).problems).toEqual([{ code: "text-pattern", group: "monogram", message: "Use capital letters only" }]);
    expect(evaluate(carDefinition(), { ...base, monogram: "" }).valid).toBe(true);
  });

  it("unknown: unknown groups, unknown options and wrong value types", () => {
    const result = evaluate(carDefinition(), { ...base, colour: "red", trim: "gold", packages: "comfort" } as unknown as Selection);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { code: "unknown", group: "colour", message: "Unknown group 'colour'" },
        { code: "unknown", group: "trim", option: "gold", message: "Trim: unknown option 'gold'" },
        { code: "unknown", group: "packages", message: "Packages: expected a list of option ids" },
      ]),
    );
    expect(codes({ ...base, width: Number.NaN })).toContain("unknown");
  });

  it("quantity must be a whole number from 1 to 10000", () => {
    expect(evaluate(carDefinition(), base, { quantity: 0 }).valid).toBe(false);
    expect(evaluate(carDefinition(), base, { quantity: 1.5 }).problems[0]!.message).toMatch(/Quantity/);
  });
});

describe("evaluate: lead time, hours and bill of materials", () => {
  it("lead days are base + the single largest lead time, with its driver named", () => {
    const result = evaluate(carDefinition(), { ...base, trim: "luxury", packages: ["comfort", "sport-seats"] });
    expect(result.leadDays).toBe(5 + 14);
    expect(result.leadDrivers).toEqual([{ kind: "option", group: "trim", option: "luxury", days: 14, message: "Luxury trim adds 14 days of supply" }]);
  });

  it("per-unit and text lead days count too", () => {
    const result = evaluate(carDefinition(), { ...base, width: 240, monogram: "AB" });
    expect(result.leadDays).toBe(5 + 12);
    expect(result.leadDrivers[0]).toMatchObject({ kind: "unit", group: "width", days: 12 });
  });

  it("production hours add up and are multiplied by the quantity", () => {
    const result = evaluate(carDefinition(), { ...base, trim: "luxury", packages: ["comfort"], monogram: "AB" }, { quantity: 3 });
    expect(result.productionHours).toBeCloseTo((10 + 4 + 1.5 + 180 * 0.01 + 0.5) * 3, 6);
  });

  it("the BOM sums components by sku, per unit for numbers, times the quantity", () => {
    const result = evaluate(carDefinition(), { ...base, trim: "luxury", packages: ["comfort", "sport-seats"] }, { quantity: 2 });
    expect(result.bom).toEqual([
      { sku: "TRIM-LUX", quantity: 2 },
      { sku: "PKG-C", quantity: 2 },
      { sku: "SEAT-S", quantity: 4 },
      { sku: "RAIL", quantity: 360 },
    ]);
  });
});
