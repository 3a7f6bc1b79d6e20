import { describe, expect, it } from "vitest";
import { evaluate, type Selection } from "@/lib/configurator";
import { carDefinition, sel } from "./fixtures";

const base: Selection = { trim: "base", packages: [], width: 180 };

describe("option availability and fixes", () => {
  it("an option that would break a requires rule is unavailable, with the rule's message and a fix", () => {
    const result = evaluate(carDefinition(), base);
    const seats = result.options.packages!["sport-seats"]!;
    expect(seats).toMatchObject({ available: false, reason: "Sport seats require the Comfort package", ruleId: "seats-need-comfort" });
    expect(seats.fix?.label).toBe("Choose Comfort package");
    expect(seats.fix?.selection).toEqual({ trim: "base", packages: ["comfort", "sport-seats"], width: 180 });
    expect(evaluate(carDefinition(), seats.fix!.selection).valid).toBe(true);
  });

  it("an option excluded by a current choice offers to remove that choice", () => {
    const result = evaluate(carDefinition(), { ...base, packages: ["tow-bar"] });
    const track = result.options.packages!.track!;
    expect(track).toMatchObject({ available: false, reason: "The Track package and the tow bar cannot be combined" });
    expect(track.fix?.label).toBe("Remove Tow bar");
    expect(track.fix?.selection).toEqual({ trim: "base", packages: ["track"], width: 180 });
    expect(result.options.packages!["tow-bar"]!.available).toBe(true);
  });

  it("a single-group option is judged in place of the current choice", () => {
    const definition = carDefinition([{ id: "sport-no-tow", kind: "excludes", when: sel("trim", "sport"), then: sel("packages", "tow-bar"), message: "The Sport trim has no tow bar" }]);
    const result = evaluate(definition, { ...base, packages: ["tow-bar"] });
    expect(result.options.trim!.sport).toMatchObject({ available: false, reason: "The Sport trim has no tow bar" });
    expect(result.options.trim!.sport!.fix?.label).toBe("Remove Tow bar");
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
    const result = evaluate(definition, { ...base, width: 230 });
    const lux = result.options.trim!.luxury!;
    expect(lux).toMatchObject({ available: false, reason: "The Luxury trim is made up to 200 cm wide", ruleId: "lux-width" });
    expect(lux.fix?.label).toBe("Set Width to 200 cm");
    expect(lux.fix?.selection).toEqual({ trim: "luxury", packages: [], width: 200 });
  });

  it("a hidden option offers the change that shows it", () => {
    const definition = carDefinition([{ id: "track-sport", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "The Track package needs the Sport trim" }]);
    const track = evaluate(definition, base).options.packages!.track!;
    expect(track.fix?.label).toBe("Choose Sport trim");
    expect(evaluate(definition, track.fix!.selection).options.packages!.track!.available).toBe(true);
  });

  it("offers no fix when no single change is enough", () => {
    const definition = carDefinition([{ id: "track-sport", kind: "requires", when: sel("packages", "track"), then: sel("trim", "sport"), message: "The Track package needs the Sport trim" }]);
    const track = evaluate(definition, { ...base, packages: ["tow-bar"] }).options.packages!.track!;
    expect(track.available).toBe(false);
    expect(track.fix).toBeUndefined();
  });

  it("does not offer a fix that breaks another rule", () => {
    const definition = carDefinition([{ id: "comfort-no-tow", kind: "excludes", when: sel("packages", "comfort"), then: sel("packages", "tow-bar"), message: "Comfort and tow bar clash" }]);
    const seats = evaluate(definition, { ...base, packages: ["tow-bar"] }).options.packages!["sport-seats"]!;
    expect(seats.available).toBe(false);
    expect(seats.fix).toBeUndefined();
  });

  it("fixes serialize like plain data", () => {
    const result = evaluate(carDefinition(), base);
    const copy = JSON.parse(JSON.stringify(result.options.packages));
    expect(copy["sport-seats"].fix).toEqual({ label: "Choose Comfort package", selection: { trim: "base", packages: ["comfort", "sport-seats"], width: 180 } });
    expect(structuredClone(result.options.packages!["sport-seats"])).toEqual(copy["sport-seats"]);
  });
});
