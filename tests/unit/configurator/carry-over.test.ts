import { describe, expect, it } from "vitest";
import { carryOver, describeChoices, evaluate, type Definition } from "@/lib/configurator";

const before: Definition = {
  basePriceCents: 10_000,
  baseLeadDays: 3,
  routing: [],
  premiumPercent: 0,
  groups: [
    { id: "colour", label: "Colour", type: "single", required: true, default: "red", options: [
      { id: "red", label: "Red", priceCents: 0, leadDays: 0, productionHours: 0 },
      { id: "blue", label: "Blue", priceCents: 1_000, leadDays: 0, productionHours: 0 },
    ] },
    { id: "extras", label: "Extras", type: "multi", required: false, options: [
      { id: "bell", label: "Bell", priceCents: 500, leadDays: 0, productionHours: 0 },
      { id: "rack", label: "Rack", priceCents: 2_000, leadDays: 0, productionHours: 0 },
    ] },
  ],
  rules: [],
};
const after: Definition = {
  ...before,
  groups: [
    { id: "colour", label: "Colour", type: "single", required: true, default: "red", options: [
      { id: "red", label: "Signal red", priceCents: 0, leadDays: 0, productionHours: 0 },
    ] },
    { id: "extras", label: "Extras", type: "multi", required: false, options: [{ id: "bell", label: "Bell", priceCents: 700, leadDays: 0, productionHours: 0 }] },
    { id: "lights", label: "Lights", type: "single", required: true, default: "dynamo", options: [{ id: "dynamo", label: "Dynamo", priceCents: 0, leadDays: 0, productionHours: 0 }] },
  ],
};

const kept = (definition: Definition, selection: Record<string, string | string[]>, quantity = 1) => ({
  selection,
  quantity,
  choices: describeChoices(definition, selection, evaluate(definition, selection, { quantity })),
});

describe("carryOver (re-order and saved designs)", () => {
  it("keeps a configuration on the same version unchanged, priced by the engine", () => {
    const k = kept(before, { colour: "blue", extras: ["bell"] }, 2);
    const result = carryOver(k, before);
    expect(result.differences).toEqual([]);
    expect(result.selection).toEqual({ colour: "blue", extras: ["bell"] });
    expect(result.evaluation.totalCents).toBe(evaluate(before, { colour: "blue", extras: ["bell"] }, { quantity: 2 }).totalCents);
  });

  it("says which options are gone, which were renamed and which choices are new, and prices the carried configuration", () => {
    const result = carryOver(kept(before, { colour: "blue", extras: ["bell", "rack"] }), after);
    expect(result.differences).toEqual([
      'Colour: "Blue" is no longer available; the standard choice is used.',
      'Extras: "Rack" is no longer available.',
      "New choice: Lights: Dynamo.",
    ]);
    expect(result.selection).toEqual({ colour: "red", extras: ["bell"], lights: "dynamo" });
    expect(result.evaluation.totalCents).toBe(10_700);
    expect(result.choices.map((c) => c.label)).toEqual(["Signal red", "Bell", "Dynamo"]);
  });

  it("names a renamed option that was kept", () => {
    expect(carryOver(kept(before, { colour: "red" }), after).differences).toContain("Colour: Red is now called Signal red.");
  });
});
