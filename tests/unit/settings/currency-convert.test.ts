import { describe, expect, it } from "vitest";
import { jsonChanges } from "@/lib/audit/changes";
import { centsStep, convertCents, convertDefinitionAmounts, minorDigits } from "@/lib/settings/currency-convert";

describe("currency conversion of amounts", () => {
  it("knows zero-decimal currencies from Intl", () => {
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("EUR")).toBe(2);
    expect(centsStep("JPY")).toBe(100);
    expect(centsStep("GBP")).toBe(1);
  });

  it("rounds half away from zero to the target's smallest unit, exactly", () => {
    // €2,004.98 at 162.35 is ¥325,508.503: whole yen, not ¥2,005.
    expect(convertCents(200_498, 162.35, "JPY")).toBe(32_550_900);
    // ¥100.50 would be 10,050 cents: half rounds up; a discount rounds the same way, away from zero.
    expect(convertCents(100, 100.5, "JPY")).toBe(10_100);
    expect(convertCents(-100, 100.5, "JPY")).toBe(-10_100);
    // JPY to EUR: 1 JPY = 0.006159 EUR; ¥325,509 -> €2,004.81 (cents).
    expect(convertCents(32_550_900, 0.006159, "EUR")).toBe(200_481);
    // Floating point would give 1.1 * 3 = 3.3000000000000003; integers do not drift.
    expect(convertCents(110, 3, "EUR")).toBe(330);
    expect(convertCents(0, 162.35, "JPY")).toBe(0);
  });

  it("converts every number under a key containing 'cents', at any depth, and nothing else", () => {
    const definition = {
      basePriceCents: 129_000,
      premiumPercent: 10,
      baseLeadDays: 5,
      groups: [
        { id: "wood", options: [{ id: "oak", priceCents: 12_000, hours: 2 }, { id: "ash", priceCents: 0 }] },
        { id: "length", kind: "number", priceCentsPerUnit: 12.345, priceCents: 500, min: 100 },
      ],
      rules: [{ kind: "price", amountCents: -5_000 }, { kind: "price", percent: -10 }],
      // Fields another feature may add: a table's cells and a formula's amounts.
      priceTable: { rows: [100, 200], cellsCents: [[1_000, 2_000], [null, 3_000]] },
      formula: { fixedCents: 250, perMetreCents: { oak: 100 } },
    };
    const { definition: out, amounts } = convertDefinitionAmounts(definition, 2, "EUR");
    expect(out).toEqual({
      basePriceCents: 258_000,
      premiumPercent: 10,
      baseLeadDays: 5,
      groups: [
        { id: "wood", options: [{ id: "oak", priceCents: 24_000, hours: 2 }, { id: "ash", priceCents: 0 }] },
        { id: "length", kind: "number", priceCentsPerUnit: 24.69, priceCents: 1_000, min: 100 },
      ],
      rules: [{ kind: "price", amountCents: -10_000 }, { kind: "price", percent: -10 }],
      priceTable: { rows: [100, 200], cellsCents: [[2_000, 4_000], [null, 6_000]] },
      formula: { fixedCents: 500, perMetreCents: { oak: 200 } },
    });
    expect(amounts).toBe(11);
    expect(definition.basePriceCents).toBe(129_000);
    expect(() => convertDefinitionAmounts(definition, 0, "EUR")).toThrow(RangeError);
  });
});

describe("audit: changes between two definitions", () => {
  it("lists changed leaves by path", () => {
    expect(jsonChanges({ basePriceCents: 100, groups: [{ label: "Wood" }] }, { basePriceCents: 120, groups: [{ label: "Timber" }] })).toEqual([
      { field: "basePriceCents", before: "100", after: "120" },
      { field: "groups.0.label", before: "Wood", after: "Timber" },
    ]);
    expect(jsonChanges(null, { a: 1 })).toEqual([{ field: "(whole value)", before: null, after: '{"a":1}' }]);
  });
});
