import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, lineText, lint, normalize, parseDefinition, type Definition, type Selection } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { cheapestConfiguration } from "@/lib/catalog/from-price";
import { demoProducts } from "@/prisma/demo-products";
import { define, sel } from "./fixtures";

const sum = (lines: { amountCents: number }[]) => lines.reduce((n, l) => n + l.amountCents, 0);
const blind = demoProducts.find((p) => p.slug === "lumen-roller-blind")!.definition;

const number = (id: string, label: string, min = 40, max = 300) =>
  ({ id, label, type: "number" as const, required: true, unit: "cm", min, max, step: 1, priceCentsPerUnit: 0, productionHoursPerUnit: 0 });
const motor = {
  id: "motor",
  label: "Motor",
  type: "single" as const,
  required: true,
  default: "none",
  options: [
    { id: "none", label: "None", priceCents: 0, leadDays: 0, productionHours: 0 },
    { id: "quiet", label: "Quiet", priceCents: 20_000, leadDays: 0, productionHours: 0 },
  ],
};
const simpleBlind = (pricing: Definition["pricing"], extra: Partial<Definition> = {}) =>
  define({ basePriceCents: 1_000, groups: [number("width", "Width"), number("height", "Height"), motor], pricing, ...extra });
const fabric = { id: "fabric", label: "Fabric", quantity: "width * height / 10000", unit: "m²", decimals: 2, rateCents: 8_900 };

const issues = (input: unknown) => {
  const parsed = parseDefinition(input);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
};
const raw = (definition: Definition, change: (d: Record<string, unknown>) => void) => {
  const copy = JSON.parse(JSON.stringify(definition)) as Record<string, unknown>;
  change(copy);
  return copy;
};

describe("formula prices", () => {
  it("prices fabric per m² (width x height / 10000, to 2 decimals) with a structured line", () => {
    const result = evaluate(simpleBlind({ formulas: [fabric] }), { width: 120, height: 200, motor: "none" });
    expect(result.problems).toEqual([]);
    expect(result.breakdown.lines).toEqual([
      { kind: "base", label: "Base price", amountCents: 1_000 },
      { kind: "unit", label: "Width: 120 cm", group: "width", amountCents: 0 },
      { kind: "unit", label: "Height: 200 cm", group: "height", amountCents: 0 },
      { kind: "option", label: "Motor: None", group: "motor", option: "none", amountCents: 0 },
      { kind: "formula", label: "Fabric", item: "fabric", measure: { quantity: 2.4, unit: "m²", decimals: 2, rateCents: 8_900 }, amountCents: 21_360 },
    ]);
    expect(result.totalCents).toBe(22_360);
  });

  it("rounds the quantity to its decimals half away from zero, then the amount to cents", () => {
    // 123 x 157 / 10000 = 1.9311 -> 1.93 m²; 1.93 x 8,950 = 17,273.5 -> 17,274
    const result = evaluate(simpleBlind({ formulas: [{ ...fabric, rateCents: 8_950 }] }), { width: 123, height: 157, motor: "none" });
    expect(result.breakdown.lines.at(-1)).toMatchObject({ measure: { quantity: 1.93 }, amountCents: 17_274 });
    // 125 x 100 / 10000 = 1.25 -> 1.3 m² with one decimal
    const one = evaluate(simpleBlind({ formulas: [{ ...fabric, decimals: 1 }] }), { width: 125, height: 100, motor: "none" });
    expect(one.breakdown.lines.at(-1)).toMatchObject({ measure: { quantity: 1.3 }, amountCents: 11_570 });
  });

  it("clamps to the minimum and maximum, stating the formula's own quantity", () => {
    const definition = simpleBlind({ formulas: [{ ...fabric, minQuantity: 0.5, maxQuantity: 6 }] });
    expect(evaluate(definition, { width: 40, height: 50, motor: "none" }).breakdown.lines.at(-1)).toMatchObject({
      measure: { quantity: 0.5, clampedFrom: 0.2 },
      amountCents: 4_450,
    });
    expect(evaluate(definition, { width: 300, height: 300, motor: "none" }).breakdown.lines.at(-1)).toMatchObject({ measure: { quantity: 6, clampedFrom: 9 } });
  });

  it("applies only when its condition holds, and reads options with chosen() and if()", () => {
    const definition = simpleBlind({
      formulas: [
        { ...fabric, when: sel("motor", "none") },
        { id: "cable", label: "Cable", quantity: 'if(chosen("motor", "quiet"), height / 100 + 1, 0)', unit: "m", decimals: 1, rateCents: 500 },
      ],
    });
    const quiet = evaluate(definition, { width: 100, height: 250, motor: "quiet" });
    expect(quiet.breakdown.lines.filter((l) => l.kind === "formula").map((l) => [l.item, l.measure?.quantity, l.amountCents])).toEqual([["cable", 3.5, 1_750]]);
    const none = evaluate(definition, { width: 100, height: 250, motor: "none" });
    expect(none.breakdown.lines.filter((l) => l.kind === "formula").map((l) => [l.item, l.measure?.quantity])).toEqual([["fabric", 2.5], ["cable", 0]]);
  });

  it("counts formula lines in the subtotal that percent rules and the premium apply to", () => {
    const definition = simpleBlind({ formulas: [fabric] }, { premiumPercent: 10, rules: [{ id: "ten", kind: "price", when: sel("motor", "none"), percent: -10, message: "Chain discount" }] });
    const result = evaluate(definition, { width: 120, height: 200, motor: "none" });
    // subtotal 22,360; rule -2,236; premium 10% of 20,124 = 2,012.4 -> 2,012
    expect(result.breakdown.lines.slice(-2).map((l) => l.amountCents)).toEqual([-2_236, 2_012]);
    expect(sum(result.breakdown.lines)).toBe(result.totalCents);
  });

  it("makes the configuration invalid with a clear problem when it cannot be computed, never throwing", () => {
    const definition = simpleBlind({ formulas: [{ ...fabric, quantity: "width / (height - 100)" }] });
    const result = evaluate(definition, { width: 120, height: 100, motor: "none" });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([{ code: "price", message: "Fabric cannot be priced: Division by zero (at 7 of its formula)" }]);
    expect(result.breakdown.lines.some((l) => l.kind === "formula")).toBe(false);
    // A required group left empty is reported once, as "Enter Height".
    const empty = evaluate(simpleBlind({ formulas: [fabric] }), { width: 120, motor: "none" });
    expect(empty.problems.map((p) => p.message)).toEqual(["Enter Height"]);
    // An optional one left empty: the price says what it needs.
    const optional = define({ groups: [number("width", "Width"), { ...number("height", "Height"), required: false }], pricing: { formulas: [fabric] } });
    expect(evaluate(optional, { width: 120 }).problems).toEqual([{ code: "price", group: "height", message: "Fabric cannot be priced: enter Height" }]);
  });
});

describe("formula production hours", () => {
  it("adds the operation's formula hours per unit to its hours, times the quantity", () => {
    const definition = simpleBlind(undefined, {
      routing: [
        { id: "cut", label: "Cut", workCentre: "upholstery", hours: 0.2, setupHours: 0.5, hoursFormula: "width * height / 10000 * 0.25" },
        { id: "assembly", label: "Assembly", workCentre: "assembly", hours: 1 },
      ],
    });
    const result = evaluate(definition, { width: 120, height: 200, motor: "none" }, { quantity: 2 });
    expect(result.operations).toEqual([
      { key: "cut", label: "Cut", workCentre: "upholstery", hours: 2.1 }, // (0.2 + 2.4 x 0.25) x 2 + 0.5
      { key: "assembly", label: "Assembly", workCentre: "assembly", hours: 2 },
    ]);
    expect(result.productionHours).toBe(4.1);
    const broken = simpleBlind(undefined, { routing: [{ id: "cut", label: "Cut", workCentre: "upholstery", hours: 1, hoursFormula: "10 / (width - 120)" }] });
    expect(evaluate(broken, { width: 120, height: 200, motor: "none" }).problems).toEqual([
      { code: "price", message: "The hours of Cut cannot be computed: Division by zero (at 4 of its formula)" },
    ]);
  });
});

describe("price tables", () => {
  const table = { id: "frame", label: "Frame", rows: { group: "width", upTo: [100, 200, 300] }, columns: { group: "height", upTo: [150, 300] }, cents: [[4_000, 5_000], [6_000, 7_500], [9_000, 11_000]] };

  it("looks the price up by the width and height bands (a band holds the values up to its bound)", () => {
    const definition = simpleBlind({ tables: [table] });
    const at = (width: number, height: number) => evaluate(definition, { width, height, motor: "none" }).breakdown.lines.find((l) => l.kind === "table");
    expect(at(100, 150)).toEqual({ kind: "table", label: "Frame (Width up to 100 cm, Height up to 150 cm)", item: "frame", amountCents: 4_000 });
    expect(at(101, 150)?.amountCents).toBe(6_000);
    expect(at(250, 151)?.amountCents).toBe(11_000);
    expect(at(40, 300)?.amountCents).toBe(5_000);
  });

  it("is refused at save when its bands stop below the group's largest value, or its grid has the wrong shape", () => {
    const ok = simpleBlind({ tables: [table] });
    expect(issues(raw(ok, (d) => ((d.pricing as { tables: { rows: { upTo: number[] } }[] }).tables[0]!.rows.upTo = [100, 200, 250])))).toEqual([
      "pricing.tables.0.rows.upTo.2: The last band (up to 250 cm) is below Width's largest value (300 cm): every value needs a price",
    ]);
    expect(issues(raw(ok, (d) => ((d.pricing as { tables: { rows: { upTo: number[] } }[] }).tables[0]!.rows.upTo = [200, 100, 300])))).toEqual([
      "pricing.tables.0.rows.upTo.1: Give the bands in increasing order, each larger than the one before",
    ]);
    expect(issues(raw(ok, (d) => ((d.pricing as { tables: { cents: number[][] }[] }).tables[0]!.cents = [[1, 2], [3]])))).toEqual([
      "pricing.tables.0.cents: Give one row of prices per band of width (3), not 2",
      "pricing.tables.0.cents.1: Give 2 prices in each row, not 1",
    ]);
    expect(issues(raw(ok, (d) => ((d.pricing as { tables: { columns: { group: string } }[] }).tables[0]!.columns.group = "motor")))).toEqual([
      "pricing.tables.0.columns.group: Group 'motor' is not a number",
    ]);
  });

  it("reports a value above the last band as a problem when a range rule is wider than the table (defence in depth)", () => {
    // The schema compares with the group's own max; a definition evaluated without parsing can still be wrong.
    const definition = simpleBlind({ tables: [table] });
    const wrong = { ...definition, pricing: { tables: [{ ...table, rows: { group: "width", upTo: [100, 200, 250] } }] } } as Definition;
    const result = evaluate(wrong, { width: 280, height: 100, motor: "none" });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([{ code: "price", group: "width", message: "Frame has no price for Width above 250 cm (280 cm entered)" }]);
  });
});

describe("quantity tiers", () => {
  const definition = simpleBlind({ formulas: [fabric], tiers: [{ minQuantity: 5, percent: 5 }, { minQuantity: 10, percent: 10 }] });
  const at = (quantity: number) => evaluate(definition, { width: 123, height: 157, motor: "quiet" }, { quantity });

  it("takes the largest tier reached off each unit, as one line, and the lines sum to the total", () => {
    // unit: 1,000 + 20,000 + 1.93 x 8,900 = 17,177 -> 38,177; 5% = 1,908.85 -> 1,909 off each
    expect(at(4).breakdown.lines.some((l) => l.kind === "tier")).toBe(false);
    const five = at(5);
    expect(five.breakdown.lines.slice(-2)).toEqual([
      { kind: "quantity", label: "Quantity 5 (4 more at the unit price)", amountCents: 38_177 * 4 },
      { kind: "tier", label: "Quantity discount: 5% off each from 5 units", tier: { minQuantity: 5, percent: 5, perUnitCents: 1_909 }, amountCents: -1_909 * 5 },
    ]);
    expect(five.unitPriceCents).toBe(38_177 - 1_909);
    expect(five.totalCents).toBe((38_177 - 1_909) * 5);
    expect(at(12).breakdown.lines.at(-1)).toMatchObject({ tier: { minQuantity: 10, percent: 10, perUnitCents: 3_818 } });
  });

  it("refuses tiers out of order at save", () => {
    expect(issues(raw(definition, (d) => ((d.pricing as { tiers: unknown[] }).tiers = [{ minQuantity: 10, percent: 10 }, { minQuantity: 5, percent: 5 }])))).toEqual([
      "pricing.tiers.1.minQuantity: Give the tiers in increasing order of quantity",
    ]);
  });

  it("keeps every breakdown summing exactly to its total, whatever the sizes, rates and quantity", () => {
    const priced = (rate: number, decimals: number, percent: number, premium: number) =>
      simpleBlind(
        { formulas: [{ ...fabric, rateCents: rate, decimals }], tables: [{ id: "rail", label: "Rail", rows: { group: "width", upTo: [150, 300] }, cents: [[1_999], [2_999]] }], tiers: [{ minQuantity: 3, percent }] },
        { premiumPercent: premium, rules: [{ id: "pct", kind: "price", when: sel("motor", "quiet"), percent: 7.5, message: "Quiet surcharge" }] },
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 300 }), fc.integer({ min: 40, max: 300 }), fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0.5, max: 99, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), fc.integer({ min: 1, max: 40 }), fc.boolean(),
        (width, height, rate, decimals, percent, premium, quantity, quiet) => {
          const result = evaluate(priced(rate, decimals, percent, premium), { width, height, motor: quiet ? "quiet" : "none" }, { quantity });
          expect(result.valid).toBe(true);
          for (const line of result.breakdown.lines) expect(Number.isInteger(line.amountCents)).toBe(true);
          expect(sum(result.breakdown.lines)).toBe(result.totalCents);
          expect(result.totalCents).toBe(result.unitPriceCents * quantity);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("formulas in the schema, lint and from-price", () => {
  it("refuses a formula that reads an unknown group, with its position", () => {
    const ok = simpleBlind({ formulas: [fabric] });
    expect(issues(raw(ok, (d) => ((d.pricing as { formulas: { quantity: string }[] }).formulas[0]!.quantity = "widht * height / 10000")))).toEqual([
      "pricing.formulas.0.quantity: Unknown name 'widht' at 1",
    ]);
    expect(issues(raw(ok, (d) => ((d.routing as { hoursFormula?: string }[])[0]!.hoursFormula = "width.constructor")))).toEqual([
      "routing.0.hoursFormula: Property access ('width.') is not allowed at 6",
    ]);
    expect(issues(raw(ok, (d) => ((d.pricing as { formulas: { when?: unknown }[] }).formulas[0]!.when = sel("motor", "turbo"))))).toEqual([
      "pricing.formulas.0.when.selected.option: Unknown option 'turbo' in group 'motor'",
    ]);
  });

  it("lints a definition with formulas, tables and tiers without crashing, and reports a broken formula as an error", () => {
    expect(lint(blind)).toEqual([]);
    const broken = raw(blind, (d) => ((d.pricing as { formulas: { quantity: string }[] }).formulas[0]!.quantity = "width * hieght"));
    expect(lint(broken)).toEqual([
      { severity: "error", code: "invalid-formula", message: "pricing.formulas.0.quantity: Unknown name 'hieght' at 9" },
    ]);
  });

  it("finds the cheapest configuration of the demo blind (the smallest blind, chain, sunscreen)", () => {
    const cheapest = cheapestConfiguration(blind);
    expect(cheapest?.selection).toMatchObject({ width: 40, height: 40, fabric: "screen", motor: "none" });
    // base 2,900 + sunscreen at its 0.5 m² minimum x 6,900 + headrail up to 100 cm 2,900
    expect(cheapest?.totalCents).toBe(2_900 + 3_450 + 2_900);
  });
});

describe("the demo roller blind", () => {
  const start = (changes: Selection) => {
    const normalized = normalize(blind, changes);
    if (!normalized.ok) throw new Error(JSON.stringify(normalized.errors));
    return normalized.selection;
  };

  it("prices 120 x 200 cm of blackout at €89.00 per m², the headrail by width band, and a quiet motor with its power supply", () => {
    const result = evaluate(blind, start({ width: 120, height: 200, fabric: "blackout", motor: "quiet", power: "plug" }));
    expect(result.problems).toEqual([]);
    expect(result.breakdown.lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ["base", "Base price", 2_900],
      ["unit", "Width: 120 cm", 0],
      ["unit", "Drop: 200 cm", 0],
      ["option", "Fabric: Blackout", 0],
      ["option", "Motor: Whisper-quiet motor", 21_900],
      ["option", "Power supply: Plug-in adapter", 2_900],
      ["formula", "Blackout fabric", 21_360],
      ["table", "Headrail (Width up to 150 cm)", 3_900],
    ]);
    expect(result.totalCents).toBe(52_960);
    expect(result.operations.find((o) => o.key === "fabric")?.hours).toBe(0.8); // 0.2 + 2.4 x 0.25
  });

  it("shows the power supply only with a motor, and a motor requires one", () => {
    expect(evaluate(blind, start({})).visibleGroups).not.toContain("power");
    // Normalizing fills the shown power supply with its default; left empty, the rule says what is missing.
    expect(start({ motor: "standard" })).toMatchObject({ motor: "standard", power: "plug" });
    const motorised = evaluate(blind, { ...start({}), motor: "standard" });
    expect(motorised.visibleGroups).toContain("power");
    expect(motorised.problems.map((p) => p.message)).toEqual(["A motor needs a power supply: choose one"]);
  });
});

describe("breakdown line text", () => {
  const money = (cents: number) => formatCents(cents, "EUR");
  it("states a formula line's quantity, unit and rate, a clamp, and a tier's discount each", () => {
    const definition = simpleBlind({ formulas: [{ ...fabric, minQuantity: 0.5 }], tiers: [{ minQuantity: 5, percent: 5 }] });
    const texts = (width: number, height: number, quantity = 1) =>
      evaluate(definition, { width, height, motor: "none" }, { quantity }).breakdown.lines.map((l) => lineText(l, money));
    expect(texts(120, 200)).toContain("Fabric: 2.40 m² × €89.00");
    expect(texts(40, 50)).toContain("Fabric: 0.50 m² × €89.00 (minimum; 0.20 m² measured)");
    expect(texts(120, 200, 5).at(-1)).toBe("Quantity discount: 5% off each from 5 units (-€11.18 each)"); // 5% of 22,360
    expect(texts(120, 200)[0]).toBe("Base price");
  });
});
