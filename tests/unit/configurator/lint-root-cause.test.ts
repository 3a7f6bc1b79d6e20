import { describe, expect, it } from "vitest";
import { evaluate, lint, type LintFinding } from "@/lib/configurator";
import { lintReport } from "@/lib/configurator/lint/lint";
import { define, motorDefinition, sel } from "./fixtures";

const opt = (id: string, label = id) => ({ id, label, priceCents: 0, leadDays: 0, productionHours: 0 });
const roots = (findings: LintFinding[]) => findings.filter((f) => !f.causedBy);

describe("lint: reachability with witnesses", () => {
  it("the quiet motor that needs a power supply shown only with it is reachable, with a witness", () => {
    const report = lintReport(motorDefinition());
    expect(report.findings).toEqual([]);
    expect(report.partial).toBe(false);
    const motor = report.witnesses.find((w) => w.target === "option:motor/quiet");
    expect(motor?.example).toContain("Motor: Quiet");
    expect(motor?.example).toContain("Power supply: 24 V");
    expect(evaluate(motorDefinition(), motor!.selection).valid).toBe(true);
  });

  it("a power supply hidden for good makes the motor impossible, blamed on the visibility and requires rules", () => {
    const definition = define({
      ...motorDefinition(),
      rules: [...motorDefinition().rules.filter((r) => r.kind !== "visibleWhen"), { id: "power-never", kind: "visibleWhen", target: { group: "power" }, when: sel("fabric", "blackout"), message: "Power only for blackout" }, { id: "motor-linen", kind: "requires", when: sel("motor", "quiet"), then: sel("fabric", "linen"), message: "The motor fits linen only" }],
    });
    const finding = lint(definition).find((f) => f.code === "option-never-available");
    expect(finding).toMatchObject({ options: [{ group: "motor", option: "quiet" }], ruleId: "power-never" });
    expect([...finding!.ruleIds!].sort()).toEqual(["motor-linen", "motor-needs-power", "power-never"]);
  });

  it("a product with no option groups cannot be published", () => {
    const findings = lint(define({ groups: [] }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: "error", code: "nothing-to-configure", message: expect.stringContaining("nothing to configure") }));
  });
});

describe("lint: root cause first", () => {
  // Two mistakes: "walnut-fabric" says all of (velvet, leather) in a single group where any was meant,
  // and "leather-off" excludes leather always (a condition left empty). Everything else follows from them.
  const definition = define({
    groups: [
      { id: "frame", label: "Frame", type: "single", required: true, default: "oak", options: [opt("oak", "Oak"), opt("walnut", "Walnut")] },
      { id: "fabric", label: "Fabric", type: "single", required: true, default: "linen", options: [opt("linen", "Linen"), opt("velvet", "Velvet"), opt("leather", "Leather")] },
      { id: "legs", label: "Legs", type: "single", required: false, options: [opt("steel", "Steel"), opt("brass", "Brass")] },
      { id: "cushions", label: "Cushions", type: "multi", required: false, options: [opt("firm", "Firm"), opt("soft", "Soft")] },
    ],
    rules: [
      { id: "walnut-fabric", kind: "requires", when: sel("frame", "walnut"), then: { all: [sel("fabric", "velvet"), sel("fabric", "leather")] }, message: "Walnut needs velvet or leather" },
      { id: "brass-walnut", kind: "requires", when: sel("legs", "brass"), then: sel("frame", "walnut"), message: "Brass legs go with walnut" },
      { id: "walnut-price", kind: "price", when: sel("frame", "walnut"), amountCents: 10_000, message: "Walnut surcharge" },
      { id: "leather-off", kind: "excludes", when: { all: [] }, then: sel("fabric", "leather"), message: "Leather is out of stock" },
      { id: "soft-leather", kind: "requires", when: sel("cushions", "soft"), then: sel("fabric", "leather"), message: "Soft cushions need leather" },
      { id: "leather-days", kind: "leadTime", when: sel("fabric", "leather"), leadDays: 10, message: "Leather takes 10 days" },
    ],
  });

  it("names the two mistakes as the root causes, each blamed on its own rule, with the rest under them", () => {
    const findings = lint(definition);
    expect(roots(findings).map((f) => [f.code, f.id, f.ruleIds])).toEqual([
      ["option-never-available", "option:frame/walnut", ["walnut-fabric"]],
      ["option-never-available", "option:fabric/leather", ["leather-off"]],
    ]);
    const under = (id: string) => findings.filter((f) => f.causedBy === id).map((f) => f.id).sort();
    expect(under("option:frame/walnut")).toEqual(["option:legs/brass", "rule:brass-walnut", "rule:walnut-fabric", "rule:walnut-price"]);
    expect(under("option:fabric/leather")).toEqual(["option:cushions/soft", "rule:leather-days", "rule:soft-leather"]);
    // A knock-on finding names the rules that block it, not every rule that fired.
    expect(findings.find((f) => f.id === "option:legs/brass")?.ruleIds?.sort()).toEqual(["brass-walnut", "walnut-fabric"]);
  });
});
