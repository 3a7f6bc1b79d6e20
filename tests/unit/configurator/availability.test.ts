import { describe, expect, it } from "vitest";
import { evaluate, fixFor, type Selection } from "@/lib/configurator";
import { carDefinition, sel } from "./fixtures";

const base: Selection = { trim: "base", packages: [], width: 180 };

describe("option availability and fixes", () => {
  it("an option that would break a requires rule is unavailable, with the rule's message and a fix", () => {
    // Without inference (with it, sport seats are available and bring the Comfort package: inference.test.ts).
    const result = evaluate(carDefinition(), base, { infer: false });
    const seats = result.options.packages!["sport-seats"]!;
    expect(seats).toMatchObject({ available: false, reason: "Sport seats require the Comfort package", ruleId: "seats-need-comfort" });
    expect(evaluate(carDefinition(), base).options.packages!["sport-seats"]).toEqual({ available: true, adds: ["Packages: Comfort package"] });
    const fix = fixFor(carDefinition(), base, "packages", "sport-seats");
    expect(fix?.label).toBe("Choose Comfort package");
    expect(fix?.selection).toEqual({ trim: "base", packages: ["comfort", "sport-seats"], width: 180 });
    expect(evaluate(carDefinition(), fix!.selection).valid).toBe(true);
  });

  it("an option excluded by a current choice offers to remove that choice", () => {
    const selection: Selection = { ...base, packages: ["tow-bar"] };
    const result = evaluate(carDefinition(), selection);
    const track = result.options.packages!.track!;
    expect(track).toMatchObject({ available: false, reason: "The Track package and the tow bar cannot be combined" });
    const fix = fixFor(carDefinition(), selection, "packages", "track");
    expect(fix?.label).toBe("Remove Tow bar");
    expect(fix?.selection).toEqual({ trim: "base", packages: ["track"], width: 180 });
    expect(result.options.packages!["tow-bar"]!.available).toBe(true);
  });

  it("a single-group option is judged in place of the current choice", () => {
    const definition = carDefinition([{ id: "sport-no-tow", kind: "excludes", when: sel("trim", "sport"), then: sel("packages", "tow-bar"), message: "The Sport trim has no tow bar" }]);
    const selection: Selection = { ...base, packages: ["tow-bar"] };
    const result = evaluate(definition, selection);
    expect(result.options.trim!.sport).toMatchObject({ available: false, reason: "The Sport trim has no tow bar" });
    expect(fixFor(definition, selection, "trim", "sport")?.label).toBe("Remove Tow bar");
    expect(result.options.trim!.luxury!.available).toBe(true);
    expect(result.options.trim!.base!.available).toBe(true);
  });

  it("a single-group option is judged with what the current choice shows undone", () => {
    // The Sport trim shows the Track package; choosing Luxury instead hides it, and Luxury needs it.
    const definition = carDefinition([
      { id: "track-sport", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "The Track package needs the Sport trim" },
      { id: "lux-track", kind: "requires", when: sel("trim", "luxury"), then: sel("packages", "track"), message: "The Luxury trim needs the Track package" },
    ]);
    const result = evaluate(definition, { ...base, trim: "sport", packages: ["track"] });
    expect(result.options.trim!.luxury).toMatchObject({ available: false, reason: "The Luxury trim needs the Track package", ruleId: "lux-track" });
    expect(result.options.trim!.base!.available).toBe(true);
    expect(result.options.trim!.sport!.available).toBe(true);
    expect(result.options.packages!.track!.available).toBe(true);
  });

  it("the current choice is marked unavailable when it is what breaks a rule", () => {
    const result = evaluate(carDefinition(), { ...base, packages: ["sport-seats"] });
    expect(result.options.packages!["sport-seats"]!.available).toBe(false);
    expect(result.options.packages!.comfort!.available).toBe(true);
  });

  it("an option that would push a number out of its range offers to set the number to the new bound", () => {
    const definition = carDefinition([{ id: "lux-width", kind: "range", group: "width", when: sel("trim", "luxury"), max: 200, message: "The Luxury trim is made up to 200 cm wide" }]);
    const selection: Selection = { ...base, width: 230 };
    const result = evaluate(definition, selection);
    const lux = result.options.trim!.luxury!;
    expect(lux).toMatchObject({ available: false, reason: "The Luxury trim is made up to 200 cm wide", ruleId: "lux-width" });
    const fix = fixFor(definition, selection, "trim", "luxury");
    expect(fix?.label).toBe("Set Width to 200 cm");
    expect(fix?.selection).toEqual({ trim: "luxury", packages: [], width: 200 });
  });

  it("a hidden option offers the change that shows it", () => {
    const definition = carDefinition([{ id: "track-sport", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "The Track package needs the Sport trim" }]);
    expect(evaluate(definition, base).options.packages!.track!.available).toBe(false);
    const fix = fixFor(definition, base, "packages", "track");
    expect(fix?.label).toBe("Choose Sport trim");
    expect(evaluate(definition, fix!.selection).options.packages!.track!.available).toBe(true);
  });

  it("offers no fix when no single change is enough", () => {
    const definition = carDefinition([{ id: "track-sport", kind: "requires", when: sel("packages", "track"), then: sel("trim", "sport"), message: "The Track package needs the Sport trim" }]);
    const selection: Selection = { ...base, packages: ["tow-bar"] };
    const track = evaluate(definition, selection).options.packages!.track!;
    expect(track.available).toBe(false);
    expect(fixFor(definition, selection, "packages", "track")).toBeUndefined();
  });

  it("does not offer a fix that breaks another rule", () => {
    const definition = carDefinition([{ id: "comfort-no-tow", kind: "excludes", when: sel("packages", "comfort"), then: sel("packages", "tow-bar"), message: "Comfort and tow bar clash" }]);
    const selection: Selection = { ...base, packages: ["tow-bar"] };
    const seats = evaluate(definition, selection).options.packages!["sport-seats"]!;
    expect(seats.available).toBe(false);
    expect(fixFor(definition, selection, "packages", "sport-seats")).toBeUndefined();
  });

  it("fixes serialize like plain data", () => {
    const result = evaluate(carDefinition(), base);
    const fix = fixFor(carDefinition(), base, "packages", "sport-seats");
    const copy = JSON.parse(JSON.stringify({ ...result.options.packages, fix }));
    expect(copy.fix).toEqual({ label: "Choose Comfort package", selection: { trim: "base", packages: ["comfort", "sport-seats"], width: 180 } });
    expect(structuredClone(fix)).toEqual(copy.fix);
    expect(structuredClone(result.options.packages!["sport-seats"])).toEqual(copy["sport-seats"]);
  });

  it("a fix is for the selection as it is when asked, also when the same object is asked about again after a change", () => {
    const selection: Selection = { ...base, packages: [] };
    expect(fixFor(carDefinition(), selection, "packages", "sport-seats")?.label).toBe("Choose Comfort package");
    (selection.packages as string[]).push("comfort");
    expect(fixFor(carDefinition(), selection, "packages", "sport-seats")).toBeUndefined();
    expect(fixFor(carDefinition(), selection, "packages", "no-such-option")).toBeUndefined();
    expect(fixFor(carDefinition(), selection, "width", "180")).toBeUndefined();
  });
});
