import { describe, expect, it } from "vitest";
import { lint, type Definition, type LintFinding } from "@/lib/configurator";
import { carDefinition, define, sel } from "./fixtures";

const codes = (findings: LintFinding[]) => findings.map((f) => `${f.severity}:${f.code}`);
const errors = (findings: LintFinding[]) => findings.filter((f) => f.severity === "error");
const opt = (id: string) => ({ id, label: id.toUpperCase(), priceCents: 0, leadDays: 0, productionHours: 0 });

describe("lint", () => {
  it("finds nothing wrong in a sound definition", () => {
    expect(lint(carDefinition())).toEqual([]);
  });

  it("an option excluded by an always-true condition can never be chosen", () => {
    const findings = lint(carDefinition([{ id: "no-track", kind: "excludes", when: { all: [] }, then: sel("packages", "track"), message: "Track is discontinued" }]));
    expect(errors(findings)).toEqual([
      expect.objectContaining({ code: "option-never-available", ruleId: "no-track", group: "packages", options: [{ group: "packages", option: "track" }], message: expect.stringContaining("Track is discontinued") }),
    ]);
  });

  it("an option visible only under an impossible condition can never be chosen", () => {
    const findings = lint(carDefinition([{ id: "track-vis", kind: "visibleWhen", target: { group: "packages", option: "track" }, when: { all: [sel("trim", "sport"), sel("trim", "luxury")] }, message: "Track needs two trims" }]));
    expect(errors(findings)).toContainEqual(expect.objectContaining({ code: "option-never-available", ruleId: "track-vis", options: [{ group: "packages", option: "track" }] }));
  });

  it("an option that requires an option of a single group that excludes it can never be chosen", () => {
    const findings = lint(
      carDefinition([
        { id: "track-sport", kind: "requires", when: sel("packages", "track"), then: sel("trim", "sport"), message: "Track needs the Sport trim" },
        { id: "sport-no-track", kind: "excludes", when: sel("trim", "sport"), then: sel("packages", "track"), message: "Sport trim cannot have Track" },
      ]),
    );
    const finding = errors(findings).find((f) => f.code === "option-never-available");
    expect(finding).toMatchObject({ group: "packages", options: [{ group: "packages", option: "track" }] });
    expect(finding!.ruleIds).toEqual(expect.arrayContaining(["track-sport", "sport-no-track"]));
    // Sport trim itself stays possible (without Track).
    expect(errors(findings).some((f) => f.options?.some((o) => o.option === "sport"))).toBe(false);
  });

  it("a required group none of whose options can be chosen can never be satisfied", () => {
    const definition = define({
      groups: [
        { id: "a", label: "A", type: "single", required: true, options: [opt("x"), opt("y")] },
        { id: "b", label: "B", type: "single", required: true, options: [opt("p")] },
      ],
      rules: [
        { id: "x-needs-not-p", kind: "excludes", when: sel("a", "x"), then: sel("b", "p"), message: "X clashes with P" },
        { id: "y-needs-not-p", kind: "excludes", when: sel("a", "y"), then: sel("b", "p"), message: "Y clashes with P" },
      ],
    });
    expect(codes(lint(definition))).toContain("error:no-valid-configuration");
    const optional = define({ ...definition, groups: [definition.groups[0]!, { ...definition.groups[1]!, required: false }] as Definition["groups"] });
    const findings = lint(optional);
    expect(findings).toContainEqual(expect.objectContaining({ code: "option-never-available", options: [{ group: "b", option: "p" }] }));
  });

  it("reports required-never-satisfied when every option of a required group is blocked", () => {
    const definition = carDefinition([
      { id: "t1", kind: "requires", when: sel("trim", "base"), then: { all: [sel("packages", "track"), sel("packages", "tow-bar")] }, message: "Base needs both" },
      { id: "t2", kind: "requires", when: sel("trim", "luxury"), then: { any: [] }, message: "Luxury is gone" },
      { id: "t3", kind: "excludes", when: sel("trim", "sport"), then: { all: [] }, message: "Sport is gone" },
    ]);
    const findings = lint(definition);
    expect(codes(findings)).toContain("error:no-valid-configuration");
  });

  it("contradictory rules: X requires A and X excludes A", () => {
    const findings = lint(carDefinition([{ id: "seats-no-comfort", kind: "excludes", when: sel("packages", "sport-seats"), then: sel("packages", "comfort"), message: "Sport seats exclude Comfort" }]));
    expect(findings).toContainEqual(expect.objectContaining({ severity: "error", code: "contradictory-rules", ruleIds: ["seats-need-comfort", "seats-no-comfort"] }));
    expect(findings).toContainEqual(expect.objectContaining({ code: "option-never-available", options: [{ group: "packages", option: "sport-seats" }] }));
  });

  it("range rules that leave no value, alone or when two apply together", () => {
    const findings = lint(
      carDefinition([
        { id: "lux-wide", kind: "range", group: "width", when: sel("trim", "luxury"), min: 200, message: "Luxury is at least 200 cm" },
        { id: "comfort-narrow", kind: "range", group: "width", when: sel("packages", "comfort"), max: 160, message: "Comfort is at most 160 cm" },
        { id: "sport-huge", kind: "range", group: "width", when: sel("trim", "sport"), min: 300, message: "Sport is at least 300 cm" },
      ]),
    );
    expect(findings).toContainEqual(expect.objectContaining({ severity: "error", code: "empty-range", ruleIds: ["lux-wide", "comfort-narrow"], group: "width" }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: "error", code: "empty-range", ruleId: "sport-huge" }));
    expect(findings).toContainEqual(expect.objectContaining({ code: "option-never-available", options: [{ group: "trim", option: "sport" }] }));
  });

  it("does not report two range rules that can never apply together", () => {
    const findings = lint(
      carDefinition([
        { id: "lux-wide", kind: "range", group: "width", when: sel("trim", "luxury"), min: 200, message: "Luxury is at least 200 cm" },
        { id: "sport-narrow", kind: "range", group: "width", when: sel("trim", "sport"), max: 160, message: "Sport is at most 160 cm" },
      ]),
    );
    expect(errors(findings)).toEqual([]);
  });

  it("reports unknown references in an unparsed definition, naming the rule", () => {
    const raw = JSON.parse(JSON.stringify(carDefinition())) as { rules: Record<string, unknown>[] };
    raw.rules[0]!.then = { selected: { group: "packages", option: "massage" } };
    expect(lint(raw)).toEqual([{ severity: "error", code: "unknown-reference", message: "rules.0.then.selected.option: Unknown option 'massage' in group 'packages'", ruleId: "seats-need-comfort" }]);
  });

  it("warns about cycles of requires between options", () => {
    const findings = lint(carDefinition([{ id: "comfort-needs-seats", kind: "requires", when: sel("packages", "comfort"), then: sel("packages", "sport-seats"), message: "Comfort needs sport seats" }]));
    expect(findings).toContainEqual(expect.objectContaining({ severity: "warning", code: "requires-cycle", options: expect.arrayContaining([{ group: "packages", option: "comfort" }, { group: "packages", option: "sport-seats" }]), ruleIds: expect.arrayContaining(["comfort-needs-seats", "seats-need-comfort"]) }));
    expect(errors(findings)).toEqual([]);
  });

  it("warns about rules that can never apply and defaults that break a rule", () => {
    const findings = lint(
      carDefinition([
        { id: "never", kind: "price", when: { all: [sel("trim", "sport"), sel("trim", "base")] }, amountCents: 100, message: "Impossible combo" },
        { id: "base-needs-comfort", kind: "requires", when: sel("trim", "base"), then: sel("packages", "comfort"), message: "Base needs Comfort" },
      ]),
    );
    expect(findings).toContainEqual(expect.objectContaining({ severity: "warning", code: "rule-never-applies", ruleId: "never" }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: "warning", code: "defaults-invalid", ruleId: "base-needs-comfort" }));
  });
});
