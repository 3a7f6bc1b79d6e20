import { findRequiresCycles } from "./cycles";
import { evaluate } from "../evaluate/evaluate";
import { definitionImplications, ruleImplication } from "./implications";
import { normalize } from "../evaluate/normalize";
import { parseDefinition } from "../definition/parse";
import { Conflict, Propagator } from "./propagate";
import type { LintFinding, LintReport, LintWitness } from "./finding";
import { lintRanges } from "./lint-ranges";
import { groupRootCauses } from "./root-cause";
import { lintRoutingHours, lintWorkCentres, type LintWorkCentre } from "./routing";
import { Reachability, type SearchResult } from "./search";
import { witnessSelection, witnessText } from "./witness";
import type { Condition, Definition, Rule } from "../definition/schema";

// Checks an admin's rule set before publishing. Errors: things no customer can ever do (options that
// can never be chosen, required groups that can never be filled, contradictory rules, broken
// references, operations at an unknown or inactive work centre, a routing with no hours, a product with
// nothing to configure). Warnings: rules that never apply, number bounds no valid configuration reaches,
// requires cycles, defaults that break rules, operations that never get hours.
// Reachability is decided exactly by a search over the configurations (./search), which shows a witness
// for what is reachable and blames a minimal set of rules for what is not; when its node budget runs out
// on a huge definition, the approximate propagator (./propagate) answers instead and the check says so.

export type { LintWorkCentre } from "./routing";

/**
 * Lints a definition (parsed or raw JSON); a definition that does not parse yields its issues as errors.
 * With the workshop's work centres, each operation's centre must exist and be active.
 */
export function lint(input: unknown, workCentres?: readonly LintWorkCentre[]): LintFinding[] {
  return lintReport(input, workCentres).findings;
}

/** lint() with the witnesses of what is reachable, whether the search was partial, and how long it took. */
export function lintReport(input: unknown, workCentres?: readonly LintWorkCentre[], budget?: { total: number; perSearch: number }): LintReport {
  const started = Date.now();
  const parsed = parseDefinition(input);
  if (!parsed.ok) return { findings: parsed.issues.map((issue) => issueFinding(input, issue)), witnesses: [], partial: false, ms: Date.now() - started };
  return lintDefinition(parsed.definition, workCentres, budget, started);
}

/** lintReport() of a definition parseDefinition() already accepted (a page that parsed it need not parse it again). */
export function lintDefinition(definition: Definition, workCentres?: readonly LintWorkCentre[], budget?: { total: number; perSearch: number }, started = Date.now()): LintReport {
  const findings: LintFinding[] = workCentres ? lintWorkCentres(definition, workCentres) : [];
  const witnesses: LintWitness[] = [];
  const done = (partial: boolean): LintReport => ({ findings: groupRootCauses(findings), witnesses, partial, ms: Date.now() - started });
  if (definition.groups.length === 0) {
    findings.push({ severity: "error", code: "nothing-to-configure", id: "product:empty", message: "The product has nothing to configure: add at least one option group (a product a customer cannot choose anything for cannot be published)" });
  }
  const rulesById = new Map(definition.rules.map((r) => [r.id, r]));
  const because = (conflict: Conflict) => {
    const rule = conflict.ruleId ? rulesById.get(conflict.ruleId) : undefined;
    if (rule) return `rule "${rule.id}": ${rule.message}`;
    return conflict.group ? `group "${conflict.group}" must be filled` : "the rules conflict";
  };
  const blamed = (ruleIds: string[]) => {
    if (ruleIds.length === 0) return "the groups' own settings rule it out";
    return ruleIds.map((id) => `rule "${id}": ${rulesById.get(id)?.message ?? ""}`).join("; ");
  };

  const reach = new Reachability(definition, budget);
  const ruleIdsOf = (indexes: number[]) => indexes.map((i) => definition.rules[i]!.id);

  // The approximate propagator, built only when the search cannot answer.
  let base: Propagator | undefined;
  const propagator = (): Propagator | Conflict => {
    if (!base) {
      base = Propagator.forDefinition(definition, definitionImplications(definition));
      try {
        base.start();
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        return error;
      }
    }
    return base;
  };
  const approxFails = (condition: Condition): { conflict: Conflict; fired: string[] } | undefined => {
    const start = propagator();
    if (start instanceof Conflict) return { conflict: start, fired: [] };
    const probe = start.clone();
    try {
      probe.assume(condition, true);
      return undefined;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      return { conflict: error, fired: [...probe.fired] };
    }
  };

  /** Why a condition can never hold: the exact blocking rules, or the propagator's when the budget ran out. */
  type Verdict = { reachable: true; result?: SearchResult } | { reachable: false; ruleId?: string; ruleIds: string[]; reason: string };
  const verdict = (condition: Condition): Verdict => {
    const result = reach.find(condition);
    if (result.status === "reachable") return { reachable: true, result };
    if (result.status === "unreachable") {
      const indexes = reach.blockers(condition);
      if (indexes) {
        const ruleIds = ruleIdsOf(indexes);
        return { reachable: false, ruleIds, reason: blamed(ruleIds), ...(ruleIds[0] ? { ruleId: primaryRule(definition, ruleIds) } : {}) };
      }
    }
    const failure = approxFails(condition);
    if (!failure) {
      // The search could not finish and the propagator sees no conflict: assume it is reachable (a partial check).
      if (result.status === "unreachable") return { reachable: false, ruleIds: [], reason: "no valid configuration has it" };
      return { reachable: true };
    }
    const all = [...new Set([...(failure.conflict.ruleId ? [failure.conflict.ruleId] : []), ...failure.fired])];
    return { reachable: false, ruleIds: all, reason: because(failure.conflict), ...(failure.conflict.ruleId ? { ruleId: failure.conflict.ruleId } : {}) };
  };
  const blame = (v: Extract<Verdict, { reachable: false }>): Pick<LintFinding, "ruleId" | "ruleIds"> => ({
    ...(v.ruleId ? { ruleId: v.ruleId } : {}),
    ...(v.ruleIds.length > 0 ? { ruleIds: v.ruleIds } : {}),
  });
  const witness = (target: string, label: string, v: Verdict) => {
    if (v.reachable && v.result?.status === "reachable") {
      const state = v.result.witness;
      witnesses.push({ target, label, selection: witnessSelection(reach.compiled, state), example: witnessText(reach.compiled, state) });
    }
  };

  const start = reach.find(undefined);
  if (start.status === "unreachable") {
    const indexes = reach.blockers(undefined);
    const ruleIds = indexes ? ruleIdsOf(indexes) : [];
    findings.push({ severity: "error", code: "no-valid-configuration", id: "product:no-valid-configuration", message: `No configuration satisfies every rule (${blamed(ruleIds)})`, ...(ruleIds[0] ? { ruleId: primaryRule(definition, ruleIds), ruleIds } : {}) });
    return done(reach.partial);
  }
  if (start.status === "unknown") {
    const conflict = propagator();
    if (conflict instanceof Conflict) {
      findings.push({ severity: "error", code: "no-valid-configuration", id: "product:no-valid-configuration", message: `No configuration satisfies every rule (${because(conflict)})`, ...(conflict.ruleId ? { ruleId: conflict.ruleId, ruleIds: [conflict.ruleId] } : {}) });
      return done(true);
    }
  }

  for (const group of definition.groups) {
    if (group.type !== "single" && group.type !== "multi") continue;
    let reachable = 0;
    for (const option of group.options) {
      const v = verdict({ selected: { group: group.id, option: option.id } });
      if (v.reachable) {
        reachable++;
        witness(`option:${group.id}/${option.id}`, `${group.label}: ${option.label}`, v);
        continue;
      }
      findings.push({
        severity: "error",
        code: "option-never-available",
        id: `option:${group.id}/${option.id}`,
        message: `${group.label}: "${option.label}" can never be chosen (${v.reason})`,
        group: group.id,
        options: [{ group: group.id, option: option.id }],
        ...blame(v),
      });
    }
    const need = group.required ? Math.max(1, group.type === "multi" ? (group.minCount ?? 1) : 1) : 0;
    if (reachable < need) {
      findings.push({ severity: "error", code: "required-never-satisfied", id: `group:${group.id}`, message: `${group.label} is required but only ${reachable} of its options can ever be chosen`, group: group.id });
    }
  }
  for (const group of definition.groups) {
    if (group.required) continue; // a required group that cannot be filled is reported above
    const v = verdict({ filled: { group: group.id } });
    if (!v.reachable) {
      findings.push({ severity: "warning", code: "group-never-filled", id: `group:${group.id}`, message: `${group.label} can never be shown and filled in (${v.reason})`, group: group.id, ...blame(v) });
    }
  }
  findings.push(...numberBounds(definition, verdict, witness));
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
    }).map((f) => ({ ...f, id: `range:${(f.ruleIds ?? [f.ruleId]).join("+")}` })),
  );
  for (const rule of definition.rules) {
    if (rule.kind === "visibleWhen") continue;
    const v = verdict(rule.when);
    if (!v.reachable) {
      findings.push({ severity: "warning", code: "rule-never-applies", id: `rule:${rule.id}`, message: `Rule "${rule.id}" can never apply: its condition never holds in a valid configuration (${v.reason})`, ruleId: rule.id, ...(v.ruleIds.length > 0 ? { ruleIds: v.ruleIds } : {}) });
    }
  }
  for (const cycle of findRequiresCycles(definition)) {
    const names = cycle.options.map(({ group, option }) => optionLabel(definition, group, option)).join(", ");
    findings.push({ severity: "warning", code: "requires-cycle", message: `${names} require each other (rules ${cycle.ruleIds.join(", ")}): they can only be chosen together`, options: cycle.options, ...ids(cycle.ruleIds[0], cycle.ruleIds) });
  }
  findings.push(...lintRoutingHours(definition, (condition) => verdict(condition).reachable));
  findings.push(...defaultFindings(definition));
  if (reach.partial) {
    findings.push({ severity: "warning", code: "lint-partial", message: "The definition is too large to search every configuration within the check's budget: some options and conditions were checked approximately (a finding may be missing)" });
  }
  return done(reach.partial);
}

/** Number groups whose own bounds, or a range rule's bound, no valid configuration reaches. */
function numberBounds(
  definition: Definition,
  verdict: (c: Condition) => { reachable: boolean; ruleIds?: string[]; reason?: string; ruleId?: string },
  witness: (target: string, label: string, v: never) => void,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const grid = (group: { min: number; step: number }, k: number) => Number((group.min + k * group.step).toPrecision(12));
  for (const group of definition.groups) {
    if (group.type !== "number") continue;
    const filled = verdict({ filled: { group: group.id } });
    if (!filled.reachable) continue; // reported as an unreachable group
    const kMax = Math.floor((group.max - group.min) / group.step + 1e-9);
    const bounds: { key: string; value: number; when?: Condition; rule?: Rule }[] = [
      { key: `min:${group.id}`, value: group.min },
      { key: `max:${group.id}`, value: grid(group, kMax) },
    ];
    for (const rule of definition.rules) {
      if (rule.kind !== "range" || rule.group !== group.id) continue;
      if (rule.min !== undefined && rule.min > group.min && rule.min <= group.max) {
        const k = Math.ceil((rule.min - group.min) / group.step - 1e-9);
        if (k <= kMax) bounds.push({ key: `min:${group.id}:${rule.id}`, value: grid(group, k), when: rule.when, rule });
      }
      if (rule.max !== undefined && rule.max < group.max && rule.max >= group.min) {
        const k = Math.floor((rule.max - group.min) / group.step + 1e-9);
        if (k >= 0) bounds.push({ key: `max:${group.id}:${rule.id}`, value: grid(group, k), when: rule.when, rule });
      }
    }
    for (const bound of bounds) {
      const at: Condition = { compare: { group: group.id, op: "==", value: bound.value } };
      if (bound.when && !verdict(bound.when).reachable) continue; // the rule never applies: reported as such
      const v = verdict(bound.when ? { all: [bound.when, at] } : at);
      const label = `${group.label}: ${bound.value} ${group.unit}${bound.rule ? ` (rule "${bound.rule.id}")` : ""}`;
      if (v.reachable) {
        witness(bound.key, label, v as never);
        continue;
      }
      const what = bound.rule ? `the ${bound.key.startsWith("min") ? "minimum" : "maximum"} of rule "${bound.rule.id}"` : `its ${bound.key.startsWith("min") ? "minimum" : "maximum"}`;
      findings.push({
        severity: "warning",
        code: "range-bound-unreachable",
        id: bound.key,
        message: `${group.label} never reaches ${bound.value} ${group.unit}, ${what}, in a valid configuration (${v.reason})`,
        group: group.id,
        ...(v.ruleId ? { ruleId: v.ruleId } : bound.rule ? { ruleId: bound.rule.id } : {}),
        ...(v.ruleIds && v.ruleIds.length > 0 ? { ruleIds: v.ruleIds } : {}),
      });
    }
  }
  return findings;
}

/** The rule to name first among blocking rules: an excludes or visibility rule (what forbids), else the first. */
function primaryRule(definition: Definition, ruleIds: string[]): string {
  const kinds = new Map(definition.rules.map((r) => [r.id, r.kind]));
  return ruleIds.find((id) => kinds.get(id) === "excludes" || kinds.get(id) === "visibleWhen") ?? ruleIds[0]!;
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
          findings.push({ severity: "error", code: "contradictory-rules", id: `contradiction:${a.id}+${b.id}`, message: `Rules "${a.id}" and "${b.id}" contradict each other: "${a.message}" / "${b.message}"`, ruleId: a.id, ruleIds: [a.id, b.id] });
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
