import { describe, expect, it } from "vitest";
import { parseDefinition, type Definition } from "@/lib/configurator";
import { renameGroup, renameOperation, renameOption, rulesReferring } from "@/lib/configurator/definition/rename";
import { carDefinition, sel } from "./fixtures";

// Renaming a group, an option or an operation in the editor carries every reference along, so the
// definition stays valid and the rules keep meaning what they meant.

function withEveryKindOfReference(): Definition {
  const definition = carDefinition([
    { id: "lux-wide", kind: "range", group: "width", when: { all: [sel("trim", "luxury"), { not: { filled: { group: "monogram" } } }] }, max: 200, message: "Luxury is at most 200 cm" },
    { id: "show-track", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: sel("trim", "sport"), message: "Track needs the sport trim" },
    { id: "show-monogram", kind: "visibleWhen", target: { group: "monogram" }, when: { compare: { group: "width", op: ">", value: 150 } }, message: "Monogram on wide ones" },
    { id: "lux-time", kind: "leadTime", when: { any: [sel("trim", "luxury"), sel("packages", "comfort")] }, productionHours: 2, operation: "workshop", message: "Luxury takes longer" },
  ]);
  const trim = definition.groups[0]!;
  if (trim.type === "single") trim.options[1] = { ...trim.options[1]!, operation: "workshop" };
  return definition;
}

const valid = (definition: Definition) => {
  const parsed = parseDefinition(JSON.parse(JSON.stringify(definition)));
  return parsed.ok ? [] : parsed.issues;
};

describe("renameGroup", () => {
  it("updates conditions, targets and range groups, and lists the rules it changed", () => {
    const result = renameGroup(withEveryKindOfReference(), "width", "breite");
    if (!result.ok) throw new Error(result.message);
    expect(valid(result.definition)).toEqual([]);
    expect(result.rules).toEqual(["lux-wide", "show-monogram"]);
    const range = result.definition.rules.find((r) => r.id === "lux-wide");
    expect(range).toMatchObject({ kind: "range", group: "breite" });
    expect(result.definition.rules.find((r) => r.id === "show-monogram")?.when).toEqual({ compare: { group: "breite", op: ">", value: 150 } });
    expect(result.definition.groups.map((g) => g.id)).toEqual(["trim", "packages", "breite", "monogram"]);
  });

  it("follows a group into nested conditions and visibility targets", () => {
    const result = renameGroup(withEveryKindOfReference(), "trim", "finish");
    if (!result.ok) throw new Error(result.message);
    expect(valid(result.definition)).toEqual([]);
    expect(result.rules).toEqual(["lux-wide", "show-track", "lux-time"]);
    expect(result.definition.rules.find((r) => r.id === "lux-time")?.when).toEqual({ any: [sel("finish", "luxury"), sel("packages", "comfort")] });
  });

  it("refuses an id that is not valid", () => {
    expect(renameGroup(withEveryKindOfReference(), "trim", "Trim Level")).toMatchObject({ ok: false, message: expect.stringMatching(/^'Trim Level' is not a valid id/) });
    expect(renameOption(withEveryKindOfReference(), "trim", "base", "")).toMatchObject({ ok: false });
  });

  it("refuses an id another group has, changing nothing", () => {
    const definition = withEveryKindOfReference();
    expect(renameGroup(definition, "trim", "packages")).toEqual({ ok: false, message: "Another group already uses the id 'packages'." });
  });
});

describe("renameOption", () => {
  it("updates selected conditions of that group only, visibility targets and the default", () => {
    const result = renameOption(withEveryKindOfReference(), "trim", "luxury", "deluxe");
    if (!result.ok) throw new Error(result.message);
    expect(valid(result.definition)).toEqual([]);
    expect(result.rules).toEqual(["lux-wide", "lux-time"]);
    const renamedBase = renameOption(withEveryKindOfReference(), "trim", "base", "standard");
    if (!renamedBase.ok) throw new Error(renamedBase.message);
    expect(renamedBase.definition.groups[0]).toMatchObject({ default: "standard" });
    const track = renameOption(withEveryKindOfReference(), "packages", "track", "circuit");
    if (!track.ok) throw new Error(track.message);
    expect(track.rules).toEqual(["track-no-tow", "show-track"]);
    expect(track.definition.rules.find((r) => r.id === "show-track")).toMatchObject({ target: { group: "packages", option: "circuit" } });
    expect(valid(track.definition)).toEqual([]);
  });

  it("updates a multi group's default list", () => {
    const definition = withEveryKindOfReference();
    const packages = definition.groups[1]!;
    if (packages.type === "multi") packages.default = ["comfort", "tow-bar"];
    const result = renameOption(definition, "packages", "comfort", "comfy");
    if (!result.ok) throw new Error(result.message);
    expect(result.definition.groups[1]).toMatchObject({ default: ["comfy", "tow-bar"] });
    expect(valid(result.definition)).toEqual([]);
  });

  it("refuses an id another option of the group has", () => {
    expect(renameOption(withEveryKindOfReference(), "trim", "base", "sport")).toMatchObject({ ok: false, message: expect.stringContaining("'sport'") });
  });
});

describe("renameOperation", () => {
  it("updates the options and lead-time rules whose hours go to it", () => {
    const result = renameOperation(withEveryKindOfReference(), "workshop", "bench");
    if (!result.ok) throw new Error(result.message);
    expect(valid(result.definition)).toEqual([]);
    expect(result.rules).toEqual(["lux-time"]);
    expect(result.definition.routing[0]!.id).toBe("bench");
  });
});

describe("rulesReferring", () => {
  it("lists the rules that refer to some options, or to the group at all", () => {
    const definition = withEveryKindOfReference();
    expect(rulesReferring(definition, "trim", ["luxury"])).toEqual(["lux-wide", "lux-time"]);
    expect(rulesReferring(definition, "packages", ["track", "comfort"])).toEqual(["seats-need-comfort", "track-no-tow", "show-track", "lux-time"]);
    expect(rulesReferring(definition, "width", null)).toEqual(["lux-wide", "show-monogram"]);
    expect(rulesReferring(definition, "trim", ["base"])).toEqual([]);
  });
});
