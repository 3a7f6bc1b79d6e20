import { findRequiresCycles } from "./cycles";
import { evaluate } from "../evaluate/evaluate";
import { definitionImplications, ruleImplication } from "./implications";
import { normalize } from "../evaluate/normalize";
import { parseDefinition } from "../definition/parse";
import { Conflict, Propagator } from "./propagate";
import type { LintFinding } from "./finding";
import { lintRanges } from "./lint-ranges";
import { lintRoutingHours, lintWorkCentres, type LintWorkCentre } from "./routing";
import type { Condition, Definition, Rule } from "../definition/schema";

// Checks an admin's rule set before publishing. Errors: things no customer can ever do (options that
// can never be chosen, required groups that can never be filled, contradictory rules, broken
// references, operations at an unknown or inactive work centre, a routing with no hours). Warnings:
// rules that never apply, requires cycles, defaults that break rules, operations that never get hours.

export type { LintWorkCentre } from "./routing";

/**
 * Lints a definition (parsed or raw JSON); a definition that does not parse yields its issues as errors.
 * With the workshop's work centres, each operation's centre must exist and be active.
 */
export function lint(input: unknown, workCentres?: readonly LintWorkCentre[]): LintFinding[] {
  const parsed = parseDefinition(input);
  if (!parsed.ok) return parsed.issues.map((issue) => issueFinding(input, issue));
  const definition = parsed.definition;
  const findings: LintFinding[] = workCentres ? lintWorkCentres(definition, workCentres) : [];
  const rulesById = new Map(definition.rules.map((r) => [r.id, r]));
  const because = (conflict: Conflict) => {
    const rule = conflict.ruleId ? rulesById.get(conflict.ruleId) : undefined;
    if (rule) return `rule "${rule.id}": ${rule.message}`;
    return conflict.group ? `group "${conflict.group}" must be filled` : "the rules conflict";
  };

  const base = Propagator.forDefinition(definition, definitionImplications(definition));
  try {
    base.start();
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    const ruleIds = [...base.fired];
    findings.push({ severity: "error", code: "no-valid-configuration", message: `No configuration satisfies every rule (${because(error)})`, ...ids(error.ruleId, ruleIds) });
    return findings;
  }
  const fails = (condition: Condition): { conflict: Conflict; fired: string[] } | undefined => {
    const probe = base.clone();
    try {
      probe.assume(condition, true);
      return undefined;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      return { conflict: error, fired: [...probe.fired] };
    }
  };

  for (const group of definition.groups) {
    if (group.type !== "single" && group.type !== "multi") continue;
    let reachable = 0;
    for (const option of group.options) {
      const failure = fails({ selected: { group: group.id, option: option.id } });
      if (!failure) {
        reachable++;
        continue;
      }
      findings.push({
        severity: "error",
        code: "option-never-available",
        message: `${group.label}: "${option.label}" can never be chosen (${because(failure.conflict)})`,
        group: group.id,
        options: [{ group: group.id, option: option.id }],
        ...ids(failure.conflict.ruleId, failure.fired),
      });
    }
    const need = group.required ? Math.max(1, group.type === "multi" ? (group.minCount ?? 1) : 1) : 0;
    if (reachable < need) {
      findings.push({ severity: "error", code: "required-never-satisfied", message: `${group.label} is required but only ${reachable} of its options can ever be chosen`, group: group.id });
    }
  }
  for (const group of definition.groups) {
    if (group.required) continue; // a required group that cannot be filled is reported above
    const failure = fails({ filled: { group: group.id } });
    if (failure) {
      findings.push({ severity: "warning", code: "group-never-filled", message: `${group.label} can never be shown and filled in (${because(failure.conflict)})`, group: group.id, ...ids(failure.conflict.ruleId, failure.fired) });
    }
  }
  findings.push(...contradictions(definition));
  // Whether conditions can hold together, judged without the range rules being checked (those
  // rules alone would make the combination impossible and hide the finding).
  const implications = definitionImplications(definition);
  findings.push(
    ...lintRanges(definition, (condition, withoutRules) => {
      const probe = Propagator.forDefinition(definition, implications.filter((i) => !i.ruleId || !withoutRules.includes(i.ruleId)));
      try {
        probe.start();
        probe.assume(condition, true);
        return false;
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        return true;
      }
    }),
  );
  for (const rule of definition.rules) {
    if (rule.kind === "visibleWhen") continue;
    const failure = fails(rule.when);
    if (failure) {
      findings.push({ severity: "warning", code: "rule-never-applies", message: `Rule "${rule.id}" can never apply: its condition never holds in a valid configuration`, ruleId: rule.id });
    }
  }
  for (const cycle of findRequiresCycles(definition)) {
    const names = cycle.options.map(({ group, option }) => optionLabel(definition, group, option)).join(", ");
    findings.push({ severity: "warning", code: "requires-cycle", message: `${names} require each other (rules ${cycle.ruleIds.join(", ")}): they can only be chosen together`, options: cycle.options, ...ids(cycle.ruleIds[0], cycle.ruleIds) });
  }
  findings.push(...lintRoutingHours(definition, (condition) => !fails(condition)));
  findings.push(...defaultFindings(definition));
  return findings;
}

function ids(ruleId: string | undefined, ruleIds: string[]): Pick<LintFinding, "ruleId" | "ruleIds"> {
  const all = [...new Set([...(ruleId ? [ruleId] : []), ...ruleIds])];
  return { ...(ruleId ? { ruleId } : {}), ...(all.length > 0 ? { ruleIds: all } : {}) };
}

function optionLabel(definition: Definition, groupId: string, optionId: string): string {
  const group = definition.groups.find((g) => g.id === groupId);
  const option = group && (group.type === "single" || group.type === "multi") ? group.options.find((o) => o.id === optionId) : undefined;
  return option?.label ?? `${groupId}/${optionId}`;
}

/** Two requires/excludes rules with the same condition whose consequences cannot both hold. */
function contradictions(definition: Definition): LintFinding[] {
  const buckets = new Map<string, Rule[]>();
  for (const rule of definition.rules) {
    if (rule.kind !== "requires" && rule.kind !== "excludes") continue;
    const key = JSON.stringify(rule.when);
    buckets.set(key, [...(buckets.get(key) ?? []), rule]);
  }
  const findings: LintFinding[] = [];
  for (const rules of buckets.values()) {
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++) {
        const a = rules[i]!;
        const b = rules[j]!;
        const pair = Propagator.forDefinition(definition, [ruleImplication(definition, a)!, ruleImplication(definition, b)!]);
        try {
          pair.start();
          pair.assume(a.when, true);
        } catch (error) {
          if (!(error instanceof Conflict)) throw error;
          findings.push({ severity: "error", code: "contradictory-rules", message: `Rules "${a.id}" and "${b.id}" contradict each other: "${a.message}" / "${b.message}"`, ruleId: a.id, ruleIds: [a.id, b.id] });
        }
      }
    }
  }
  return findings;
}

/** Rule-breaking defaults: the starting configuration a customer sees should be valid. */
function defaultFindings(definition: Definition): LintFinding[] {
  const start = normalize(definition, {});
  if (!start.ok) return [];
  return evaluate(definition, start.selection)
    .problems.filter((p) => p.code !== "required")
    .map((p) => ({
      severity: "warning" as const,
      code: "defaults-invalid",
      message: `The default configuration is invalid: ${p.message}`,
      ...(p.ruleId ? { ruleId: p.ruleId } : {}),
      ...(p.group ? { group: p.group } : {}),
    }));
}

function issueFinding(input: unknown, issue: { path: string; message: string; code?: string }): LintFinding {
  const [head, index] = issue.path.split(".");
  const source = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const list = head === "rules" || head === "groups" || head === "routing" ? source[head] : undefined;
  const item = Array.isArray(list) && index !== undefined ? (list[Number(index)] as { id?: unknown } | undefined) : undefined;
  const id = typeof item?.id === "string" ? item.id : undefined;
  return {
    severity: "error",
    code: issue.code ?? "invalid-definition",
    message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    ...(id && head === "rules" ? { ruleId: id } : {}),
    ...(id && head === "groups" ? { group: id } : {}),
    ...(id && head === "routing" ? { operation: id } : {}),
  };
}
