import { currentRange } from "./checks";
import type { CompiledRule, GroupEntry } from "./compile";
import type { Condition } from "./schema";
import type { Selection } from "./selection";
import type { Change, Scenarios } from "./scenarios";
import type { Fix, OptionState } from "./types";

// For every option: can the customer choose it right now, why not, and which one change fixes it.
// An option is unavailable when it is hidden, or when choosing it (instead of the current choice for
// a single group, in addition for a multi group) breaks a rule that is not broken without it.

const MAX_FIX_TRIES = 12;
/** Shared, frozen: most options are available, and one object for all of them saves allocation. */
const AVAILABLE: OptionState = Object.freeze({ available: true });

type Candidate = { change: Change; label: string };

/** Availability of every option of every single/multi group, with reasons and one-step fixes. */
export function optionStates(scenarios: Scenarios, selection: Selection): Record<string, Record<string, OptionState>> {
  const { compiled, current } = scenarios;
  const result: Record<string, Record<string, OptionState>> = {};
  // A snapshot for building fix selections later, unaffected if the caller reuses its object.
  const entries: Entries = Object.entries(selection);
  for (const entry of compiled.groups) {
    const { group, gi } = entry;
    if (group.type !== "single" && group.type !== "multi") continue;
    const states: Record<string, OptionState> = {};
    const groupRule = current.hiddenGroup[gi];
    for (const option of group.options) {
      const hidingRule = groupRule ?? current.hiddenOptions[gi]?.get(option.id);
      let blockers: CompiledRule[];
      if (hidingRule) blockers = [hidingRule];
      else {
        const caused = scenarios.causedBy(gi, option.id);
        if (caused.length === 0) {
          states[option.id] = AVAILABLE;
          continue;
        }
        blockers = caused.map((ci) => compiled.constraints[ci]!);
      }
      const first = blockers[0]!.rule;
      // The fix is searched when first read (then cached): a page shows the fix of the option the
      // customer points at, and searching all of them up front would double evaluate's time.
      const hidden = hidingRule !== undefined;
      let fix: Fix | undefined | null = null;
      states[option.id] = {
        available: false,
        reason: first.message,
        ruleId: first.id,
        get fix() {
          if (fix === null) fix = findFix(scenarios, entries, entry, option.id, blockers, hidden);
          return fix;
        },
      };
    }
    result[group.id] = states;
  }
  return result;
}

function findFix(
  scenarios: Scenarios,
  entries: Entries,
  entry: GroupEntry,
  option: string,
  blockers: CompiledRule[],
  hidden: boolean,
): Fix | undefined {
  const seen: string[] = [];
  let tries = 0;
  for (const candidate of candidates(scenarios, entry, option, blockers)) {
    const { change } = candidate;
    const key = change.kind === "set" ? `${change.gi}=${String(change.value)}` : `${change.gi}${change.kind}${change.option}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    if (++tries > MAX_FIX_TRIES) return undefined;
    // The option must be visible after the change (a change can also hide it).
    const visibilityMoves = hidden || scenarios.changeNeedsResolve(change);
    if (visibilityMoves && !scenarios.within([change], (res) => !res.hiddenGroup[entry.gi] && !res.hiddenOptions[entry.gi]?.has(option))) continue;
    if (scenarios.causedBy(entry.gi, option, change).length > 0) continue;
    const choose: Change = entry.group.type === "multi" ? { gi: entry.gi, kind: "add", option } : { gi: entry.gi, kind: "set", value: option };
    if (scenarios.breaksMore([change, choose])) continue;
    // The selection is built when read: a page shows every fix's label, but applies one fix.
    let selection: Selection | undefined;
    return {
      label: candidate.label,
      get selection() {
        return (selection ??= applyToSelection(scenarios, entries, [change, choose]));
      },
    };
  }
  return undefined;
}

function* candidates(scenarios: Scenarios, entry: GroupEntry, option: string, blockers: CompiledRule[]): Generator<Candidate> {
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
  }
}

function* selectedFixes(scenarios: Scenarios, entry: GroupEntry, option: string, groupId: string, optionId: string): Generator<Candidate> {
  const target = scenarios.compiled.byId.get(groupId);
  if (!target || scenarios.current.hiddenGroup[target.gi]) return;
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

function test(a: number, op: string, b: number): boolean {
  switch (op) {
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    case ">=": return a >= b;
    case "==": return a === b;
    default: return a !== b;
  }
}

type Entries = [string, Selection[string]][];

/** Copies the selection with the changes applied (copying from entries is several times faster than a spread). */
function applyToSelection(scenarios: Scenarios, entries: Entries, changes: Change[]): Selection {
  const next: Selection = {};
  for (const [key, value] of entries) next[key] = value;
  for (const change of changes) {
    const id = scenarios.compiled.groups[change.gi]!.group.id;
    if (change.kind === "set") {
      if (change.value === undefined) delete next[id];
      else next[id] = change.value;
    } else {
      const list = Array.isArray(next[id]) ? (next[id] as string[]) : [];
      next[id] = change.kind === "add" ? (list.includes(change.option) ? list : [...list, change.option]) : list.filter((x) => x !== change.option);
    }
  }
  return next;
}
