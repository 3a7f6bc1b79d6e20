import { describe, expect, it } from "vitest";
import { evaluate, roundHalfAwayFromZero } from "@/lib/configurator";
import { carDefinition, define, sel } from "./fixtures";

const sum = (lines: { amountCents: number }[]) => lines.reduce((n, l) => n + l.amountCents, 0);

describe("price breakdown", () => {
  it("itemizes base, options, units, text, rules, premium and quantity, summing exactly to the total", () => {
    const definition = define({
      ...carDefinition(),
      premiumPercent: 12.5,
      rules: [{ id: "combo", kind: "price", when: { all: [sel("trim", "luxury"), sel("packages", "comfort")] }, amountCents: 45_000, message: "Luxury comfort combination" }],
    });
    const result = evaluate(definition, { trim: "luxury", packages: ["comfort"], width: 190, monogram: "JD" }, { quantity: 3 });
    const lines = result.breakdown.lines;
    expect(lines.map((l) => [l.kind, l.label, l.amountCents])).toEqual([
      ["base", "Base price", 100_000],
      ["option", "Trim: Luxury trim", 300_000],
      ["option", "Packages: Comfort package", 150_000],
      ["unit", "Width: 190 cm", 23_845], // 190 x 125.5 = 23,845
      ["text", 'Monogram: "JD"', 9_900],
      ["rule", "Luxury comfort combination", 45_000],
      ["premium", "Customization premium (12.5%)", 78_593], // 628,745 x 12.5% = 78,593.125
      ["quantity", "Quantity 3 (2 more at the unit price)", 1_414_676],
    ]);
    expect(result.unitPriceCents).toBe(707_338);
    expect(result.totalCents).toBe(707_338 * 3);
    expect(sum(lines)).toBe(result.breakdown.totalCents);
    expect(result.totalCents).toBe(result.breakdown.totalCents);
  });

  it("rounds a unit-priced line once, half away from zero", () => {
    const definition = carDefinition();
    const half = define({ groups: [{ id: "len", label: "Length", type: "number", required: true, unit: "mm", min: 1, max: 9, step: 1, priceCentsPerUnit: 0.5, productionHoursPerUnit: 0 }] });
    expect(evaluate(half, { len: 3 }).breakdown.lines[1]!.amountCents).toBe(2); // 1.5 -> 2
    expect(evaluate(half, { len: 5 }).breakdown.lines[1]!.amountCents).toBe(3); // 2.5 -> 3
    expect(evaluate(definition, { trim: "base", width: 110 }).breakdown.lines.find((l) => l.kind === "unit")!.amountCents).toBe(13_805);
  });

  it("rounds percent rules half away from zero, each on the subtotal before rules (no compounding)", () => {
    const definition = define({
      basePriceCents: 1_005,
      groups: [{ id: "a", label: "A", type: "single", required: true, options: [{ id: "x", label: "X", priceCents: 0, leadDays: 0, productionHours: 0 }] }],
      rules: [
        { id: "off", kind: "price", when: sel("a", "x"), percent: -50, message: "Half off" },
        { id: "up", kind: "price", when: sel("a", "x"), percent: 10, message: "Ten percent" },
      ],
    });
    const lines = evaluate(definition, { a: "x" }).breakdown.lines;
    expect(lines.find((l) => l.ruleId === "off")!.amountCents).toBe(-503); // -502.5 -> -503
    expect(lines.find((l) => l.ruleId === "up")!.amountCents).toBe(101); // 100.5 -> 101
    expect(evaluate(definition, { a: "x" }).totalCents).toBe(1_005 - 503 + 101);
  });

  it("rounds exact halves that binary floating point would miss", () => {
    expect(roundHalfAwayFromZero(4.35 * 10)).toBe(44); // 43.49999999999999 in binary
    expect(roundHalfAwayFromZero(1.005 * 1000)).toBe(1005);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(-0.4)).toBe(0);
  });

  it("has no quantity line for one unit, and options of hidden groups are not charged", () => {
    const definition = carDefinition([{ id: "mono-lux", kind: "visibleWhen", target: { group: "monogram" }, when: sel("trim", "luxury"), message: "Luxury only" }]);
    const result = evaluate(definition, { trim: "base", width: 100, monogram: "AB" });
    expect(result.breakdown.lines.map((l) => l.kind)).toEqual(["base", "option", "unit"]);
    expect(result.totalCents).toBe(100_000 + 12_550);
  });
});
