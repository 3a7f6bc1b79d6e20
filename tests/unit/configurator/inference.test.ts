import { describe, expect, it } from "vitest";
import { evaluate, fixesFor, inferFor } from "@/lib/configurator";
import { define, motorDefinition, sel } from "./fixtures";

describe("inference: choosing an option chooses what its requires rule needs, when exactly one thing does", () => {
  it("the quiet motor is available and brings the only power supply, shown once the motor is chosen", () => {
    const definition = motorDefinition();
    const start = { fabric: "linen" };
    const state = evaluate(definition, start).options.motor!.quiet!;
    expect(state).toEqual({ available: true, adds: ["Power supply: 24 V"] });
    const choice = inferFor(definition, start, "motor", "quiet");
    expect(choice?.selection).toEqual({ fabric: "linen", motor: "quiet", power: "24v" });
    expect(choice?.notice).toBe("Power supply: 24 V added because Motor: Quiet needs it");
    expect(choice?.added).toEqual([{ group: "power", label: "Power supply: 24 V", ruleId: "motor-needs-power", message: "The quiet motor needs a power supply" }]);
    expect(evaluate(definition, choice!.selection).valid).toBe(true);
  });

  it("the server infers nothing: the motor alone is invalid, with the rule's message", () => {
    const result = evaluate(motorDefinition(), { fabric: "linen", motor: "quiet" });
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ ruleId: "motor-needs-power", message: "The quiet motor needs a power supply" }));
  });

  it("where two power supplies would do, nothing is inferred and both are offered as one-click fixes", () => {
    const definition = motorDefinition([{ id: "12v", label: "12 V" }, { id: "24v", label: "24 V" }]);
    const start = { fabric: "linen" };
    expect(evaluate(definition, start).options.motor!.quiet).toEqual({ available: false, reason: "The quiet motor needs a power supply", ruleId: "motor-needs-power" });
    expect(inferFor(definition, start, "motor", "quiet")).toBeUndefined();
    const fixes = fixesFor(definition, start, "motor", "quiet");
    expect(fixes.map((f) => f.label)).toEqual(["Choose 12 V", "Choose 24 V"]);
    for (const fix of fixes) expect(evaluate(definition, fix.selection).valid).toBe(true);
    expect(fixes[1]!.selection).toEqual({ fabric: "linen", motor: "quiet", power: "24v" });
  });

  it("never picks a choice that breaks another rule: of two power supplies, only the one the fabric allows is offered", () => {
    const base = motorDefinition([{ id: "12v", label: "12 V" }, { id: "24v", label: "24 V" }]);
    const definition = define({ ...base, rules: [...base.rules, { id: "blackout-no-24", kind: "excludes", when: sel("fabric", "blackout"), then: sel("power", "24v"), message: "Blackout blinds take the 12 V supply" }] });
    // The rule names two choices, so the customer picks: the fix that breaks nothing is the only one offered.
    expect(inferFor(definition, { fabric: "blackout" }, "motor", "quiet")).toBeUndefined();
    expect(fixesFor(definition, { fabric: "blackout" }, "motor", "quiet").map((f) => f.label)).toEqual(["Choose 12 V"]);
    expect(fixesFor(definition, { fabric: "linen" }, "motor", "quiet").map((f) => f.label)).toEqual(["Choose 12 V", "Choose 24 V"]);
  });

  it("when the only power supply breaks another rule, the motor stays blocked with its reason", () => {
    const base = motorDefinition();
    const definition = define({ ...base, rules: [...base.rules, { id: "blackout-no-24", kind: "excludes", when: sel("fabric", "blackout"), then: sel("power", "24v"), message: "Blackout blinds take no 24 V supply" }] });
    expect(inferFor(definition, { fabric: "blackout" }, "motor", "quiet")).toBeUndefined();
    expect(evaluate(definition, { fabric: "blackout" }).options.motor!.quiet).toMatchObject({ available: false, ruleId: "motor-needs-power" });
  });
});
