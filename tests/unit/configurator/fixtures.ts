import { parseDefinition, type Condition, type Definition } from "@/lib/configurator";

// Small hand-made definitions for the unit tests.

export const sel = (group: string, option: string): Condition => ({ selected: { group, option } });

const option = (id: string, label: string, extra: Record<string, unknown> = {}) => ({
  id,
  label,
  priceCents: 0,
  leadDays: 0,
  productionHours: 0,
  ...extra,
});

/** Parses a definition built from parts and fails the test loudly when it does not parse. */
export function define(parts: Partial<Definition> & Pick<Definition, "groups">): Definition {
  const parsed = parseDefinition({ basePriceCents: 100_000, baseLeadDays: 5, routing: [{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 10 }], premiumPercent: 0, rules: [], ...parts });
  if (!parsed.ok) throw new Error(`Fixture does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.definition;
}

/** A car-like definition: trims (single), packages (multi), width (number), monogram (text). */
export function carDefinition(extraRules: Definition["rules"] = []): Definition {
  return define({
    groups: [
      {
        id: "trim",
        label: "Trim",
        type: "single",
        required: true,
        default: "base",
        options: [
          option("base", "Base trim"),
          option("luxury", "Luxury trim", { priceCents: 300_000, leadDays: 14, productionHours: 4, components: [{ sku: "TRIM-LUX", quantity: 1 }] }),
          option("sport", "Sport trim", { priceCents: 250_000, leadDays: 7, productionHours: 2 }),
        ],
      },
      {
        id: "packages",
        label: "Packages",
        type: "multi",
        required: false,
        maxCount: 3,
        options: [
          option("comfort", "Comfort package", { priceCents: 150_000, productionHours: 1.5, components: [{ sku: "PKG-C", quantity: 1 }] }),
          option("sport-seats", "Sport seats", { priceCents: 120_000, leadDays: 10, productionHours: 2, components: [{ sku: "SEAT-S", quantity: 2 }] }),
          option("tow-bar", "Tow bar", { priceCents: 50_000, productionHours: 1 }),
          option("track", "Track package", { priceCents: 200_000 }),
        ],
      },
      {
        id: "width",
        label: "Width",
        type: "number",
        required: true,
        unit: "cm",
        min: 100,
        max: 240,
        step: 10,
        default: 180,
        priceCentsPerUnit: 125.5,
        productionHoursPerUnit: 0.01,
        leadDaysPerUnit: 0.05,
        components: [{ sku: "RAIL", quantity: 1 }],
      },
      {
        id: "monogram",
        label: "Monogram",
        type: "text",
        required: false,
        maxLength: 6,
        pattern: "[A-Z]*",
        patternMessage: "Use capital letters only",
        priceCents: 9_900,
        productionHours: 0.5,
        leadDays: 2,
      },
    ],
    rules: [
      { id: "seats-need-comfort", kind: "requires", when: sel("packages", "sport-seats"), then: sel("packages", "comfort"), message: "Sport seats require the Comfort package" },
      { id: "track-no-tow", kind: "excludes", when: sel("packages", "track"), then: sel("packages", "tow-bar"), message: "The Track package and the tow bar cannot be combined" },
      ...extraRules,
    ],
  });
}

/**
 * A roller blind whose quiet motor needs a power supply, and whose power supply is shown only with the
 * motor: the rule pair that once made the motor impossible to order (the power group was hidden until the
 * motor was chosen, and the motor was blocked until a power supply was).
 */
export function motorDefinition(powerOptions: { id: string; label: string }[] = [{ id: "24v", label: "24 V" }]): Definition {
  return define({
    groups: [
      { id: "fabric", label: "Fabric", type: "single", required: true, default: "linen", options: [option("linen", "Linen"), option("blackout", "Blackout")] },
      { id: "motor", label: "Motor", type: "single", required: false, options: [option("quiet", "Quiet", { priceCents: 12_000 })] },
      { id: "power", label: "Power supply", type: "single", required: false, options: powerOptions.map((p) => option(p.id, p.label, { priceCents: 3_000 })) },
    ],
    rules: [
      { id: "motor-needs-power", kind: "requires", when: sel("motor", "quiet"), then: { filled: { group: "power" } }, message: "The quiet motor needs a power supply" },
      { id: "power-with-motor", kind: "visibleWhen", target: { group: "power" }, when: sel("motor", "quiet"), message: "A power supply comes only with the motor" },
    ],
  });
}
