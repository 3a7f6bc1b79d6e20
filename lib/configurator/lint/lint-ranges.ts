import type { LintFinding } from "./finding";
import type { Condition, Definition, NumberGroup, RangeRule } from "../definition/schema";

// Range rules that leave no allowed value: one rule outside the group's own range, or two rules
// that can apply together with min > max (or no step of the grid between them).

function isEmpty(group: NumberGroup, min: number, max: number): boolean {
  const lo = Math.max(0, Math.ceil((Math.max(min, group.min) - group.min) / group.step - 1e-9));
  const hi = Math.floor((Math.min(max, group.max) - group.min) / group.step + 1e-9);
  return lo > hi;
}

const bound = (value: number | undefined, fallback: number) => value ?? fallback;

/** Reports range rules (alone or in pairs that can apply together) that leave a number group no value. */
export function lintRanges(definition: Definition, canNeverHold: (condition: Condition, withoutRules: string[]) => boolean): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const group of definition.groups) {
    if (group.type !== "number") continue;
    const rules = definition.rules.filter((r): r is RangeRule => r.kind === "range" && r.group === group.id);
    const emptyAlone = new Set<string>();
    for (const rule of rules) {
      if (!isEmpty(group, bound(rule.min, -Infinity), bound(rule.max, Infinity)) || canNeverHold(rule.when, [rule.id])) continue;
      emptyAlone.add(rule.id);
      findings.push({
        severity: "error",
        code: "empty-range",
        message: `Rule "${rule.id}" leaves ${group.label} no allowed value (${group.min}-${group.max} ${group.unit} narrowed to ${rule.min ?? group.min}-${rule.max ?? group.max})`,
        ruleId: rule.id,
        group: group.id,
      });
    }
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++) {
        const a = rules[i]!;
        const b = rules[j]!;
        if (emptyAlone.has(a.id) || emptyAlone.has(b.id)) continue;
        const min = Math.max(bound(a.min, -Infinity), bound(b.min, -Infinity));
        const max = Math.min(bound(a.max, Infinity), bound(b.max, Infinity));
        if (!isEmpty(group, min, max) || canNeverHold({ all: [a.when, b.when] }, [a.id, b.id])) continue;
        findings.push({
          severity: "error",
          code: "empty-range",
          message: `Rules "${a.id}" and "${b.id}" can apply together and then leave ${group.label} no allowed value (min ${min} > max ${max})`,
          ruleId: a.id,
          ruleIds: [a.id, b.id],
          group: group.id,
        });
      }
    }
  }
  return findings;
}
