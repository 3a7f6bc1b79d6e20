import { describe, expect, it } from "vitest";
import { normalize } from "@/lib/configurator";
import { carDefinition, define, sel } from "./fixtures";

const withVisibility = () =>
  carDefinition([
    { id: "mono-lux", kind: "visibleWhen", target: { group: "monogram" }, when: sel("trim", "luxury"), message: "Monograms come with the Luxury trim" },
    { id: "track-sport", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "Track needs Sport" },
  ]);

describe("normalize", () => {
  it("fills in defaults for missing groups, in definition order", () => {
    const result = normalize(carDefinition(), {});
    expect(result).toEqual({ ok: true, selection: { trim: "base", width: 180 } });
    const ordered = normalize(carDefinition(), { width: 200, packages: ["comfort"], trim: "sport" });
    expect(ordered.ok && Object.keys(ordered.selection)).toEqual(["trim", "packages", "width"]);
  });

  it("drops hidden groups and hidden options", () => {
    const result = normalize(withVisibility(), { trim: "base", packages: ["track", "comfort"], monogram: "AB" });
    expect(result).toEqual({ ok: true, selection: { trim: "base", packages: ["comfort"], width: 180 } });
    expect(normalize(withVisibility(), { trim: "luxury", monogram: "AB" })).toEqual({ ok: true, selection: { trim: "luxury", width: 180, monogram: "AB" } });
  });

  it("falls back to the default when a single choice is hidden", () => {
    const definition = define({
      groups: [
        { id: "frame", label: "Frame", type: "single", required: true, default: "road", options: [{ id: "road", label: "Road", priceCents: 0, leadDays: 0, productionHours: 0 }, { id: "city", label: "City", priceCents: 0, leadDays: 0, productionHours: 0 }] },
        { id: "wheels", label: "Wheels", type: "single", required: true, default: "alloy", options: [{ id: "alloy", label: "Alloy", priceCents: 0, leadDays: 0, productionHours: 0 }, { id: "dynamo", label: "Dynamo", priceCents: 0, leadDays: 0, productionHours: 0 }] },
      ],
      rules: [{ id: "dyn", kind: "visibleWhen", target: { group: "wheels", option: "dynamo" }, when: sel("frame", "city"), message: "Dynamo with city" }],
    });
    expect(normalize(definition, { frame: "road", wheels: "dynamo" })).toEqual({ ok: true, selection: { frame: "road", wheels: "alloy" } });
    expect(normalize(definition, { frame: "city", wheels: "dynamo" })).toEqual({ ok: true, selection: { frame: "city", wheels: "dynamo" } });
  });

  it("rejects unknown groups, unknown options, wrong types and non-finite numbers", () => {
    const result = normalize(carDefinition(), { colour: "red", trim: "gold", packages: [1], width: Number.POSITIVE_INFINITY, monogram: 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { group: "colour", message: "Unknown group 'colour'" },
      { group: "trim", option: "gold", message: "Trim: unknown option 'gold'" },
      { group: "packages", message: "Packages: expected a list of option ids" },
      { group: "width", message: "Width: expected a finite number" },
      { group: "monogram", message: "Monogram: expected text" },
    ]);
    expect(normalize(carDefinition(), "trim=base")).toEqual({ ok: false, errors: [{ message: "The selection must be an object" }] });
    expect(normalize(carDefinition(), null).ok).toBe(false);
  });

  it("removes duplicate options and sorts them in definition order", () => {
    expect(normalize(carDefinition(), { trim: "base", packages: ["tow-bar", "comfort", "tow-bar"] })).toEqual({ ok: true, selection: { trim: "base", packages: ["comfort", "tow-bar"], width: 180 } });
  });

  it("keeps values it cannot fix (an out-of-range number) for evaluate to report", () => {
    expect(normalize(carDefinition(), { trim: "base", width: 999 })).toEqual({ ok: true, selection: { trim: "base", width: 999 } });
  });

  it("is idempotent", () => {
    const definition = withVisibility();
    for (const input of [{}, { trim: "sport", packages: ["track", "tow-bar"] }, { trim: "luxury", monogram: "XY", packages: [] }, { trim: "base", monogram: "XY" }]) {
      const once = normalize(definition, input);
      if (!once.ok) throw new Error("unexpected");
      expect(normalize(definition, once.selection)).toEqual(once);
    }
  });
});
