import { blockersOf, type Blockers } from "./blockers";
import { test } from "./fix-candidates";
import type { Change } from "./changes";
import type { CompiledRule, GroupEntry } from "./compiled-types";
import type { Condition } from "../definition/schema";
import type { Resolution } from "./state";
import type { Scenarios } from "./scenarios";

// Inference: choosing an option whose requires rule exactly one thing can satisfy chooses that thing too
// ("Power supply: 24 V added because Motor: Quiet needs it"). The added choice must be shown once the
// option is chosen, must satisfy the rule, and the whole must break no rule that holds now; it only adds
// (fills an empty group, adds to a multi group), never replaces a choice; where the rule names several
// choices, nothing is inferred (the option's one-step fixes list those that work). The server never infers: it validates the
// selection the browser sends.

/** One choice the engine adds, and the rule that asked for it. */
export type Added = { gi: number; change: Change; label: string; rule: CompiledRule };
export type Inference = { changes: Change[]; added: Added[] };

const MAX_STEPS = 3;
const MAX_CANDIDATES = 8;

/**
 * What choosing option `oi` (not chosen now, blocked only by requires rules) adds; undefined when it is
 * not so blocked or nothing can be inferred. The one entry point, so availability and the choice agree.
 */
export function inferable(scenarios: Scenarios, entry: GroupEntry, oi: number, known?: Blockers): Inference | undefined {
  const blockers = known ?? blockersOf(scenarios, entry, oi);
  if (!blockers || blockers.hidden || isChosen(scenarios, entry, oi)) return undefined;
  for (const r of blockers.rules) if (r.rule.kind !== "requires") return undefined;
  return inferChoice(scenarios, entry, oi, blockers.rules);
}

/** True when the option is chosen now (a chosen option that breaks a rule stays marked, nothing inferred). */
function isChosen(scenarios: Scenarios, entry: GroupEntry, oi: number): boolean {
  const value = scenarios.current.eff[entry.gi];
  const id = entry.optionIds[oi]!;
  return value === id || (value instanceof Set && value.has(id));
}

/** The choice of option `oi` of a single or multi group plus what it implies; undefined when nothing is to infer or it does not work out. */
export function inferChoice(scenarios: Scenarios, entry: GroupEntry, oi: number, blockers?: readonly CompiledRule[]): Inference | undefined {
  const option = entry.optionIds[oi]!;
  const plan: Change[] = [entry.group.type === "multi" ? { gi: entry.gi, kind: "add", option } : { gi: entry.gi, kind: "set", value: option }];
  const added: Added[] = [];
  for (let step = 0; step <= MAX_STEPS; step++) {
    // The rules choosing the option breaks are known when availability asks (its blockers): the first step skips re-checking them.
    const broken =
      step === 0 && blockers
        ? blockers
        : scenarios.within(plan, (res, moved) => (effective(res, entry.gi, option) && added.every((a) => applied(res, a.change)) ? newlyBroken(scenarios, plan, res, moved) : undefined));
    if (broken === undefined) return undefined;
    if (broken.length === 0) return added.length > 0 ? { changes: plan, added } : undefined;
    if (step === MAX_STEPS) return undefined;
    const rule = broken[0]!;
    if (rule.rule.kind !== "requires") return undefined;
    // Exactly one thing must be able to satisfy the rule: one candidate change (counted cheaply, before any
    // is tried), and that one must work. Where several could, the customer picks among the fixes.
    if (candidateCount(scenarios, rule.rule.then, plan) !== 1) return undefined;
    const way = onlyCompletion(scenarios, plan, rule);
    if (!way) return undefined;
    plan.push(way.change);
    added.push({ gi: way.gi, change: way.change, label: way.label, rule });
    // Checked with the plan already: nothing else broken means done (another requires rule means one more step).
    if (way.stillBroken === 0) return { changes: plan, added };
  }
  return undefined;
}

/** The changes that would satisfy a broken requires rule on top of the plan, each checked (at most a few). */
export function completions(scenarios: Scenarios, plan: Change[], rule: CompiledRule, limit = MAX_CANDIDATES): Completion[] {
  if (rule.rule.kind !== "requires") return [];
  const found: Completion[] = [];
  const seen = new Set<string>();
  for (const candidate of positiveChanges(scenarios, rule.rule.then, plan)) {
    const key = changeKey(candidate.change);
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_CANDIDATES) break;
    const stillBroken = checkCompletion(scenarios, plan, rule, candidate.change);
    if (stillBroken >= 0) found.push({ ...candidate, stillBroken });
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * The candidate of a rule whose condition offers exactly one (candidateCount 1: every candidate is the same
 * change, so the first is the only one to try), checked; undefined when it does not work out.
 */
function onlyCompletion(scenarios: Scenarios, plan: Change[], rule: CompiledRule): Completion | undefined {
  if (rule.rule.kind !== "requires") return undefined;
  const first = positiveChanges(scenarios, rule.rule.then, plan).next();
  if (first.done) return undefined;
  const stillBroken = checkCompletion(scenarios, plan, rule, first.value.change);
  return stillBroken >= 0 ? { ...first.value, stillBroken } : undefined;
}

/** How many requires rules the plan plus the change still breaks once it satisfies the rule; -1 when it does not work (the rule stays broken, a change is hidden, or another kind of rule breaks). */
function checkCompletion(scenarios: Scenarios, plan: Change[], rule: CompiledRule, change: Change): number {
  const next = [...plan, change];
  return scenarios.within(next, (res, moved) => {
    if (rule.violated(res.eff) || !applied(res, change) || !plan.every((c) => applied(res, c))) return -1;
    // Another requires rule may ask for a further choice; nothing else may break.
    const broken = newlyBroken(scenarios, next, res, moved);
    return broken.every((c) => c.rule.kind === "requires" && c !== rule) ? broken.length : -1;
  });
}

/** How many distinct candidate changes the condition offers (0, 1, or 2 for "several"), without building them (hot: availability asks). */
function candidateCount(scenarios: Scenarios, condition: Condition, plan: Change[]): number {
  const tally: Tally = { scenarios, plan, gi: -1, value: undefined, count: 0 };
  countVisit(tally, condition);
  return tally.count;
}

/** candidateCount's state: the first candidate seen (group, value) and how many distinct ones (capped at 2). */
type Tally = { scenarios: Scenarios; plan: Change[]; gi: number; value: string | number | undefined; count: number };

/** Notes a candidate; true once there are several (the walk can stop). */
function note(tally: Tally, gi: number, value: string | number | undefined): boolean {
  if (tally.count === 0) {
    tally.gi = gi;
    tally.value = value;
    tally.count = 1;
  } else if (tally.gi !== gi || tally.value !== value) tally.count = 2;
  return tally.count > 1;
}

function planned(plan: Change[], gi: number): boolean {
  for (const c of plan) if (c.gi === gi) return true;
  return false;
}

/** Walks the condition as positiveChanges does, noting each candidate; true as soon as there are several. */
function countVisit(tally: Tally, c: Condition): boolean {
  if ("all" in c) {
    for (const x of c.all) if (countVisit(tally, x)) return true;
    return false;
  }
  if ("any" in c) {
    for (const x of c.any) if (countVisit(tally, x)) return true;
    return false;
  }
  if ("not" in c) return false;
  const { scenarios, plan } = tally;
  if ("selected" in c) {
    const target = scenarios.compiled.byId.get(c.selected.group);
    if (!target || replaces(scenarios, target) || (target.group.type === "single" && planned(plan, target.gi))) return false;
    if (target.group.type !== "single" && target.group.type !== "multi") return false;
    return note(tally, target.gi, c.selected.option);
  }
  if ("filled" in c) {
    const target = scenarios.compiled.byId.get(c.filled.group);
    if (!target || planned(plan, target.gi) || replaces(scenarios, target)) return false;
    const type = target.group.type;
    if (type === "number") return note(tally, target.gi, "number");
    if (type !== "single" && type !== "multi") return false;
    for (const id of target.optionIds) if (note(tally, target.gi, id)) return true;
    return false;
  }
  const target = scenarios.compiled.byId.get(c.compare.group);
  if (!target || target.group.type !== "number" || planned(plan, target.gi) || replaces(scenarios, target)) return false;
  return note(tally, target.gi, `${c.compare.op}${c.compare.value}`);
}

function changeKey(change: Change): string {
  return change.kind === "set" ? `${change.gi}=${String(change.value)}` : `${change.gi}${change.kind}${change.option}`;
}

/** True when the option is chosen and shown in the resolution. */
function effective(res: Resolution, gi: number, option: string): boolean {
  const value = res.eff[gi];
  return value === option || (value instanceof Set && value.has(option));
}

/** True when the change's value survived visibility (the group and option are shown). */
export function applied(res: Resolution, change: Change): boolean {
  if (change.kind === "set") return change.value === undefined || res.eff[change.gi] === change.value;
  return effective(res, change.gi, change.option) === (change.kind === "add");
}

/** Rules broken with the plan applied that are not broken now (only those reading a changed or moved group). */
function newlyBroken(scenarios: Scenarios, plan: Change[], res: Resolution, moved: readonly number[]): CompiledRule[] {
  const { compiled, violatedNow } = scenarios;
  const broken: CompiledRule[] = [];
  const check = (rules: readonly number[]) => {
    for (const ci of rules) {
      const c = compiled.constraints[ci]!;
      if (!violatedNow[ci] && !broken.includes(c) && c.violated(res.eff)) broken.push(c);
    }
  };
  for (const c of plan) check(compiled.groups[c.gi]!.constraintRules);
  for (const gi of moved) check(compiled.groups[gi]!.constraintRules);
  return broken.sort((a, b) => a.index - b.index);
}

type Candidate = Omit<Added, "rule">;
/** A candidate that satisfies the rule, with how many requires rules the plan plus it still breaks. */
export type Completion = Candidate & { stillBroken: number };

/** Changes that make an atom of the condition true: choose an option, fill a group, move a number. */
function* positiveChanges(scenarios: Scenarios, condition: Condition, plan: Change[]): Generator<Candidate> {
  if ("all" in condition) for (const c of condition.all) yield* positiveChanges(scenarios, c, plan);
  else if ("any" in condition) for (const c of condition.any) yield* positiveChanges(scenarios, c, plan);
  else if ("selected" in condition) {
    const target = scenarios.compiled.byId.get(condition.selected.group);
    if (target && !plan.some((c) => c.gi === target.gi && target.group.type === "single") && !replaces(scenarios, target)) yield* chooseOption(target, condition.selected.option);
  } else if ("filled" in condition) {
    const target = scenarios.compiled.byId.get(condition.filled.group);
    if (!target || plan.some((c) => c.gi === target.gi) || replaces(scenarios, target)) return;
    const group = target.group;
    if (group.type === "single" || group.type === "multi") for (const id of target.optionIds) yield* chooseOption(target, id);
    else if (group.type === "number") {
      const value = group.default ?? group.min;
      yield { gi: target.gi, change: { gi: target.gi, kind: "set", value }, label: `${group.label}: ${value} ${group.unit}` };
    }
  } else if ("compare" in condition) {
    const target = scenarios.compiled.byId.get(condition.compare.group);
    if (!target || target.group.type !== "number" || plan.some((c) => c.gi === target.gi) || replaces(scenarios, target)) return;
    const { group } = target;
    const { op, value } = condition.compare;
    const k0 = Math.floor((value - group.min) / group.step);
    for (const k of [k0, k0 + 1, k0 - 1, k0 + 2]) {
      const v = Number((group.min + k * group.step).toPrecision(12));
      if (v < group.min || v > group.max || !test(v, op, value)) continue;
      yield { gi: target.gi, change: { gi: target.gi, kind: "set", value: v }, label: `${group.label}: ${v} ${group.unit}` };
      return;
    }
  }
}

/**
 * True when choosing in the group would replace the customer's current choice (a single group or a number
 * with a value): inference only adds, so changing a choice stays a fix the customer picks.
 */
function replaces(scenarios: Scenarios, target: GroupEntry): boolean {
  // A choice hidden now (kept in the selection, shown again when its group is) counts as a choice too.
  return target.group.type !== "multi" && (scenarios.current.eff[target.gi] !== undefined || scenarios.raw[target.gi] !== undefined);
}

function* chooseOption(target: GroupEntry, option: string): Generator<Candidate> {
  const oi = target.optionIndex.get(option);
  const label = oi === undefined ? `${target.group.label}: ${option}` : target.lineLabels[oi]!;
  if (target.group.type === "multi") yield { gi: target.gi, change: { gi: target.gi, kind: "add", option }, label };
  else if (target.group.type === "single") yield { gi: target.gi, change: { gi: target.gi, kind: "set", value: option }, label };
}
