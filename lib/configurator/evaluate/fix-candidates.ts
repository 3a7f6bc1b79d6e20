import { currentRange } from "./checks";
import type { CompiledRule, GroupEntry } from "./compile";
import type { Condition } from "../definition/schema";
import type { Change } from "./changes";
import type { Scenarios } from "./scenarios";

// Candidate one-step fixes for a blocked option, read off the atoms of the rules that block it:
// choose or remove the options they mention, move a number across a comparison or into a range.

export type Candidate = { change: Change; label: string };

/** Candidate fixes, most likely first: the consequences of each blocking rule, then its condition. */
export function* candidates(scenarios: Scenarios, entry: GroupEntry, option: string, blockers: CompiledRule[]): Generator<Candidate> {
  for (const blocker of blockers) {
    const rule = blocker.rule;
    if (rule.kind === "range") yield* rangeFix(scenarios, entry, option, blocker);
    if (rule.kind === "requires" || rule.kind === "excludes") yield* atomFixes(scenarios, entry, option, rule.then);
    yield* atomFixes(scenarios, entry, option, rule.when);
  }
}

function* rangeFix(scenarios: Scenarios, entry: GroupEntry, option: string, blocker: CompiledRule): Generator<Candidate> {
  const target = scenarios.compiled.groups[blocker.range!.gi]!;
  const group = target.group;
  const value = scenarios.current.eff[target.gi];
  if (group.type !== "number" || typeof value !== "number") return;
  const choose: Change = entry.group.type === "multi" ? { gi: entry.gi, kind: "add", option } : { gi: entry.gi, kind: "set", value: option };
  const range = scenarios.within([choose], (res) => currentRange(target, res.eff));
  const k = value > range.max ? Math.floor((range.max - group.min) / group.step + 1e-9) : Math.ceil((range.min - group.min) / group.step - 1e-9);
  const next = Number((group.min + k * group.step).toPrecision(12));
  if (next >= range.min && next <= range.max) yield { change: { gi: target.gi, kind: "set", value: next }, label: `Set ${group.label} to ${next} ${group.unit}` };
}

function* atomFixes(scenarios: Scenarios, entry: GroupEntry, option: string, condition: Condition): Generator<Candidate> {
  if ("all" in condition) for (const c of condition.all) yield* atomFixes(scenarios, entry, option, c);
  else if ("any" in condition) for (const c of condition.any) yield* atomFixes(scenarios, entry, option, c);
  else if ("not" in condition) yield* atomFixes(scenarios, entry, option, condition.not);
  else if ("selected" in condition) yield* selectedFixes(scenarios, entry, option, condition.selected.group, condition.selected.option);
  else if ("compare" in condition) yield* compareFixes(scenarios, condition.compare);
  else {
    const target = scenarios.compiled.byId.get(condition.filled.group);
    if (target?.group.type === "text" && typeof scenarios.current.eff[target.gi] === "string") {
      yield { change: { gi: target.gi, kind: "set", value: undefined }, label: `Clear ${target.group.label}` };
    }
    // An empty option group a rule needs filled: each of its options is a candidate.
    const value = target ? scenarios.current.eff[target.gi] : undefined;
    const empty = value === undefined || (value instanceof Set && value.size === 0);
    if (target && empty && (target.group.type === "single" || target.group.type === "multi") && target.gi !== entry.gi) {
      for (const id of target.optionIds) yield* selectedFixes(scenarios, entry, option, target.group.id, id);
    }
  }
}

function* selectedFixes(scenarios: Scenarios, entry: GroupEntry, option: string, groupId: string, optionId: string): Generator<Candidate> {
  // A group hidden now may be shown once the option is chosen (a power supply shown only with the motor):
  // each candidate is checked with the option chosen (./fix), so hidden groups are not skipped here.
  const target = scenarios.compiled.byId.get(groupId);
  if (!target) return;
  const { group, gi } = target;
  if (group.type !== "single" && group.type !== "multi") return;
  const hidden = scenarios.current.hiddenOptions[gi];
  const label = (id: string) => target.options.get(id)?.label ?? id;
  const value = scenarios.current.eff[gi];
  if (group.type === "multi") {
    if (gi === entry.gi && optionId === option) return;
    if ((value as Set<string> | undefined)?.has(optionId)) yield { change: { gi, kind: "remove", option: optionId }, label: `Remove ${label(optionId)}` };
    else if (!hidden?.has(optionId)) {
      const count = ((value as Set<string> | undefined)?.size ?? 0) + 1 + (gi === entry.gi ? 1 : 0);
      if (group.maxCount === undefined || count <= group.maxCount) yield { change: { gi, kind: "add", option: optionId }, label: `Choose ${label(optionId)}` };
    }
    return;
  }
  if (gi === entry.gi) return;
  if (value !== optionId) {
    if (!hidden?.has(optionId)) yield { change: { gi, kind: "set", value: optionId }, label: `Choose ${label(optionId)}` };
    return;
  }
  for (const other of group.options) {
    if (other.id !== optionId && !hidden?.has(other.id)) yield { change: { gi, kind: "set", value: other.id }, label: `Choose ${other.label}` };
  }
  if (!group.required) yield { change: { gi, kind: "set", value: undefined }, label: `Remove ${label(optionId)}` };
}

function* compareFixes(scenarios: Scenarios, compare: { group: string; op: string; value: number }): Generator<Candidate> {
  const target = scenarios.compiled.byId.get(compare.group);
  if (!target || target.group.type !== "number" || scenarios.current.hiddenGroup[target.gi]) return;
  const group = target.group;
  const current = scenarios.current.eff[target.gi];
  const holds = (v: number | undefined) => v !== undefined && test(v, compare.op, compare.value);
  const want = !holds(typeof current === "number" ? current : undefined);
  const k0 = Math.floor((compare.value - group.min) / group.step);
  const values = [k0 - 1, k0, k0 + 1, k0 + 2]
    .map((k) => Number((group.min + k * group.step).toPrecision(12)))
    .filter((v) => v >= group.min && v <= group.max && holds(v) === want)
    .sort((a, b) => Math.abs(a - compare.value) - Math.abs(b - compare.value));
  for (const v of values.slice(0, 2)) yield { change: { gi: target.gi, kind: "set", value: v }, label: `Set ${group.label} to ${v} ${group.unit}` };
}

/** A compare condition's operator applied to two numbers. */
export function test(a: number, op: string, b: number): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
    case "==": return a === b;
    default: return a !== b;
  }
}

