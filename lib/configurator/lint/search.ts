import { isOnStep } from "../definition/references";
import { getCompiled } from "../evaluate/compile";
import type { Compiled } from "../evaluate/compiled-types";
import { compileCondition, isFilledText, type Test, type Value } from "../evaluate/conditions";
import type { Condition, Definition } from "../definition/schema";
import { compileTri, type Partial, type TriTest } from "./tri";

// An exact search for valid configurations, for lint: backtracking over the groups in visibility order
// (visibility is then decided exactly as the engine decides it), pruning a branch as soon as a rule is
// broken whatever the unassigned groups get. Number groups take the finitely many values that can make a
// difference (their bounds, and grid steps at and around every threshold compared with or ranged on), text
// groups are empty or filled. Every configuration found is checked as evaluate() checks it, so a witness is
// always valid; a search that ends without one proves that none exists. A node budget bounds the work.

/** Thrown when a search runs out of its node budget. */
class OutOfBudget {}

type SearchRule = { index: number; when: TriTest; then?: TriTest; kind: "requires" | "excludes" | "range"; range?: { gi: number; min: number; max: number } };
type VisRule = { index: number; when: TriTest };
type Must = { tri: TriTest; exact: Test; groups: number[] };

export type SearchResult = { status: "reachable"; witness: Value[] } | { status: "unreachable" } | { status: "unknown" };

const EMPTY = new Set<number>();

/** The reachability questions of one definition, sharing its witnesses and one node budget. */
export class Reachability {
  readonly compiled: Compiled;
  /** True once a search ran out of budget (its question got no exact answer). */
  partial = false;
  /** The valid configurations found so far (each answers every question it satisfies). */
  readonly witnesses: Value[][] = [];
  /** The witnesses by the options they choose ("gi option"): a wide product asks "can this option be chosen?" thousands of times. */
  private readonly witnessByOption: Map<string, Value[]>[];
  private spent = 0;
  // Indexes the searches read (see Run).
  readonly n: number;
  readonly acyclic: boolean;
  readonly rules: SearchRule[] = [];
  readonly rulesByGroup: number[][];
  readonly groupVis: VisRule[][];
  readonly optionVis: Map<string, VisRule[]>[];
  readonly numberValues: number[][];
  readonly textValue: string[];
  /** Groups no constraint or visibility rule reads, constrains or hides: only their own settings decide their validity. */
  readonly unconstrained: boolean[];
  /** Per group: the groups its visibility (or one of its options') reads; a search decides them first. */
  readonly visParents: Set<number>[];
  /** Per group: the groups it shares a constraint or visibility rule with. */
  readonly neighbours: Set<number>[];
  readonly partialState: Partial;
  private readonly byId: Map<string, { gi: number; group: Definition["groups"][number]; optionIndex: Map<string, number> }>;

  constructor(
    readonly definition: Definition,
    private readonly budget: { total: number; perSearch: number } = { total: 150_000, perSearch: 25_000 },
  ) {
    const compiled = (this.compiled = getCompiled(definition));
    this.n = compiled.groups.length;
    this.acyclic = compiled.visAcyclic;
    this.byId = new Map(compiled.groups.map((e) => [e.group.id, { gi: e.gi, group: e.group, optionIndex: e.optionIndex }]));
    this.rulesByGroup = compiled.groups.map(() => []);
    this.groupVis = compiled.groups.map(() => []);
    this.optionVis = compiled.groups.map(() => new Map());
    this.witnessByOption = compiled.groups.map(() => new Map());
    for (const c of compiled.rules) {
      const rule = c.rule;
      const when = compileTri(rule.when, this.byId);
      if (rule.kind === "visibleWhen") {
        const target = this.byId.get(rule.target.group);
        if (!target) continue;
        if (rule.target.option === undefined) this.groupVis[target.gi]!.push({ index: c.index, when });
        else {
          const list = this.optionVis[target.gi]!.get(rule.target.option) ?? [];
          list.push({ index: c.index, when });
          this.optionVis[target.gi]!.set(rule.target.option, list);
        }
        continue;
      }
      if (rule.kind !== "requires" && rule.kind !== "excludes" && rule.kind !== "range") continue;
      const entry: SearchRule = { index: c.index, when, kind: rule.kind };
      if (rule.kind !== "range") entry.then = compileTri(rule.then, this.byId);
      else if (c.range) entry.range = c.range;
      const ri = this.rules.length;
      this.rules.push(entry);
      for (const gi of c.groups) this.rulesByGroup[gi]!.push(ri);
    }
    // What links the groups, for the searches' order and their free groups (price and lead-time rules bind nothing).
    const constrained = new Set<number>();
    this.visParents = compiled.groups.map(() => new Set<number>());
    this.neighbours = compiled.groups.map(() => new Set<number>());
    for (const c of compiled.rules) {
      if (c.rule.kind === "price" || c.rule.kind === "leadTime") continue;
      const target = c.rule.kind === "visibleWhen" ? this.byId.get(c.rule.target.group) : undefined;
      if (target) for (const gi of c.groups) if (gi !== target.gi) this.visParents[target.gi]!.add(gi);
      const linked = target ? [...c.groups, target.gi] : c.groups;
      for (const a of linked) {
        constrained.add(a);
        for (const b of linked) if (a !== b) this.neighbours[a]!.add(b);
      }
    }
    this.unconstrained = compiled.groups.map((e) => !constrained.has(e.gi));
    this.numberValues = compiled.groups.map((e) => (e.group.type === "number" ? relevantNumbers(definition, e.group) : []));
    this.textValue = compiled.groups.map((e) => (e.group.type === "text" ? sampleText(e.group) : ""));
    this.partialState = { state: new Array(this.n).fill(undefined), assigned: new Uint8Array(this.n), decided: new Int32Array(this.n) };
  }

  /** A wanted condition: its three-valued test, its exact test (the engine's own) and the groups it reads. */
  private must(condition: Condition): Must {
    const groups = new Set<number>();
    const exact = compileCondition(condition, this.compiled.byId, { groups, selected: new Set(), filled: new Set() });
    return { tri: compileTri(condition, this.byId), exact, groups: [...groups] };
  }

  /**
   * Is there a valid configuration in which the condition holds (any valid configuration without one)?
   * `disabled` lists rules (by index in the definition) to leave out; `prefer` values to try first.
   */
  find(condition: Condition | undefined, disabled: Set<number> = EMPTY, prefer?: Map<number, Value>): SearchResult {
    const must: Must[] = condition ? [this.must(condition)] : [];
    if (disabled.size === 0) {
      const known = this.knownWitness(condition, must);
      if (known) return { status: "reachable", witness: known };
      // "Can this option be chosen?": a known witness with the option swapped in (single) or added (multi),
      // checked like any witness, often answers without a search (a wide product asks it for every option).
      const swapped = condition && "selected" in condition ? this.swapIn(condition.selected.group, condition.selected.option, must) : undefined;
      if (swapped) {
        this.addWitness(swapped);
        return { status: "reachable", witness: swapped };
      }
    }
    const cap = Math.min(this.budget.perSearch, this.budget.total - this.spent);
    if (cap <= 0) {
      this.partial = true;
      return { status: "unknown" };
    }
    const run = new Run(this, must, disabled, prefer ?? new Map(), cap);
    try {
      const witness = run.search();
      if (!witness) return { status: "unreachable" };
      if (disabled.size === 0) this.addWitness(witness);
      return { status: "reachable", witness };
    } catch (error) {
      if (!(error instanceof OutOfBudget)) throw error;
      this.partial = true;
      return { status: "unknown" };
    } finally {
      this.spent += run.nodes;
    }
  }

  private addWitness(witness: Value[]): void {
    this.witnesses.push(witness);
    witness.forEach((value, gi) => {
      const index = this.witnessByOption[gi]!;
      if (typeof value === "string") {
        if (!index.has(value)) index.set(value, witness);
      } else if (value instanceof Set) {
        for (const option of value) if (!index.has(option)) index.set(option, witness);
      }
    });
  }

  /**
   * A witness already found that satisfies the condition. For "option chosen" the index answers: every
   * witness is valid, so an option it holds is visible and chosen, and one it does not hold is not.
   */
  private knownWitness(condition: Condition | undefined, must: Must[]): Value[] | undefined {
    if (condition && "selected" in condition) {
      const target = this.byId.get(condition.selected.group);
      if (target && (target.group.type === "single" || target.group.type === "multi")) {
        const candidate = this.witnessByOption[target.gi]!.get(condition.selected.option);
        return candidate && must.every((m) => m.exact(candidate)) ? candidate : undefined;
      }
    }
    return this.witnesses.find((w) => must.every((m) => m.exact(w)));
  }

  /** A valid configuration made from one of the last few witnesses by choosing the option too; undefined when none is valid. */
  private swapIn(groupId: string, option: string, must: Must[]): Value[] | undefined {
    const target = this.byId.get(groupId);
    if (!target || (target.group.type !== "single" && target.group.type !== "multi")) return undefined;
    for (let k = this.witnesses.length - 1; k >= Math.max(0, this.witnesses.length - 3); k--) {
      const candidate = [...this.witnesses[k]!];
      const value = candidate[target.gi];
      candidate[target.gi] = target.group.type === "single" ? option : new Set([...(value instanceof Set ? value : []), option]);
      if (must.every((m) => m.exact(candidate)) && validConfiguration(this, candidate, EMPTY)) return candidate;
    }
    return undefined;
  }

  /**
   * A small set of rules (indexes in the definition) that alone make the condition impossible (no valid
   * configuration at all, without one): each rule of the set is needed (leaving it out makes it possible).
   * Undefined when the budget ran out first.
   */
  blockers(condition: Condition | undefined): number[] | undefined {
    const candidates = this.connectedRules(condition);
    const removed = new Set<number>(this.compiled.rules.map((r) => r.index).filter((i) => !candidates.includes(i)));
    for (const index of [...candidates].reverse()) {
      const trial = new Set(removed);
      trial.add(index);
      const result = this.find(condition, trial);
      if (result.status === "unknown") return undefined;
      if (result.status === "unreachable") removed.add(index);
    }
    return candidates.filter((i) => !removed.has(i));
  }

  /** Constraint and visibility rules linked to the condition's groups through shared groups (all of them without a condition). */
  private connectedRules(condition: Condition | undefined): number[] {
    const relevant = this.compiled.rules.filter((r) => ["requires", "excludes", "range", "visibleWhen"].includes(r.rule.kind));
    if (!condition) return relevant.map((r) => r.index);
    const groups = new Set<number>();
    const atoms = { groups, selected: new Set<string>(), filled: new Set<number>() };
    compileCondition(condition, this.compiled.byId, atoms);
    const ruleGroups = relevant.map((r) => {
      const set = new Set(r.groups);
      if (r.rule.kind === "visibleWhen") {
        const target = this.byId.get(r.rule.target.group);
        if (target) set.add(target.gi);
      }
      return set;
    });
    const taken = new Set<number>();
    let grew = true;
    while (grew) {
      grew = false;
      ruleGroups.forEach((set, k) => {
        if (taken.has(k) || ![...set].some((gi) => groups.has(gi))) return;
        taken.add(k);
        for (const gi of set) groups.add(gi);
        grew = true;
      });
    }
    return relevant.filter((_, k) => taken.has(k)).map((r) => r.index);
  }
}

type Internals = Reachability;

/**
 * The order a search decides groups in: the wanted condition's groups first, then the groups linked to them by
 * rules, nearest first, so that a condition that cannot hold is refuted near the root instead of under every
 * combination of unrelated groups. Still a visibility order (every group after the groups its visibility
 * reads): a parent is ranked no later than its nearest child, and ties keep the visibility order.
 */
function searchOrder(m: Internals, start: number[]): readonly number[] {
  const unlinked = m.n + 1;
  const rank = new Array<number>(m.n).fill(unlinked);
  let layer = [...new Set(start)];
  for (const gi of layer) rank[gi] = 0;
  for (let distance = 1; layer.length; distance++) {
    const next: number[] = [];
    for (const gi of layer) {
      for (const other of m.neighbours[gi]!) {
        if (rank[other] !== unlinked) continue;
        rank[other] = distance;
        next.push(other);
      }
    }
    layer = next;
  }
  const visOrder = m.compiled.visOrder;
  for (let k = visOrder.length - 1; k >= 0; k--) {
    const gi = visOrder[k]!;
    for (const parent of m.visParents[gi]!) rank[parent] = Math.min(rank[parent]!, rank[gi]!);
  }
  const position = new Array<number>(m.n);
  visOrder.forEach((gi, k) => (position[gi] = k));
  return [...visOrder].sort((a, b) => rank[a]! - rank[b]! || position[a]! - position[b]!);
}

/** One depth-first search. */
class Run {
  nodes = 0;
  private readonly m: Internals;
  /** Groups that nothing in this search reads (no rule, no visibility, not the wanted condition): one value each, no branching. */
  private readonly free: boolean[];
  /** The order groups are decided in (see the constructor). */
  private readonly order: readonly number[];
  private readonly p: Partial;

  constructor(
    owner: Reachability,
    private readonly must: Must[],
    private readonly disabled: Set<number>,
    private readonly prefer: Map<number, Value>,
    private readonly cap: number,
  ) {
    this.m = owner;
    this.free = [...owner.unconstrained];
    for (const m of must) for (const gi of m.groups) this.free[gi] = false;
    this.order = must.length ? searchOrder(owner, must.flatMap((m) => m.groups)) : owner.compiled.visOrder;
    this.p = this.m.partialState;
    this.p.state.fill(undefined);
    this.p.assigned.fill(0);
    this.p.decided.fill(0);
  }

  search(): Value[] | null {
    return this.at(0);
  }

  private tick(): void {
    if (++this.nodes > this.cap) throw new OutOfBudget();
  }

  private at(pos: number): Value[] | null {
    const { compiled } = this.m;
    if (pos === this.order.length) return this.leaf();
    const gi = this.order[pos]!;
    if (this.free[gi]) return this.atFree(pos, gi);
    const entry = compiled.groups[gi]!;
    const group = entry.group;
    const exact = this.m.acyclic;
    const hiddenGroup = exact && this.failing(this.m.groupVis[gi]!);
    let hidden: Set<string> | undefined;
    if (exact && !hiddenGroup) {
      for (const [option, rules] of this.m.optionVis[gi]!) if (this.failing(rules)) (hidden ??= new Set()).add(option);
    }
    // Without exact visibility (a visibility cycle) a required group may be hidden, so it may stay empty.
    const mustFill = exact && group.required && !hiddenGroup;
    if (group.type === "multi") {
      this.p.state[gi] = new Set<string>();
      this.p.assigned[gi] = 1;
      this.p.decided[gi] = 0;
      const found = hiddenGroup ? this.closeMulti(pos, gi, false) : this.multi(pos, gi, 0, hidden, mustFill);
      this.p.state[gi] = undefined;
      this.p.assigned[gi] = 0;
      return found;
    }
    for (const value of hiddenGroup ? [undefined] : this.domain(gi, hidden, mustFill)) {
      this.tick();
      this.p.state[gi] = value;
      this.p.assigned[gi] = 2;
      if (this.consistent(gi)) {
        const found = this.at(pos + 1);
        if (found) return found;
      }
    }
    this.p.state[gi] = undefined;
    this.p.assigned[gi] = 0;
    return null;
  }

  /**
   * A group nothing reads: its value changes no rule, visibility or wanted condition, so if a valid configuration
   * exists, one exists with any value its own settings accept. One such value (the preferred, the default, empty,
   * or the fewest options it needs), no branching: without this, a proof that a condition never holds would
   * enumerate every combination of the groups no rule mentions.
   */
  private atFree(pos: number, gi: number): Value[] | null {
    const entry = this.m.compiled.groups[gi]!;
    const group = entry.group;
    const candidates: Value[] =
      group.type === "multi"
        ? [this.prefer.get(gi), group.default ? new Set(group.default) : undefined, new Set<string>(), new Set(entry.optionIds.slice(0, Math.max(1, group.minCount ?? 1)))]
        : this.domain(gi, undefined, group.required);
    const index = candidates.findIndex((v) => ownSettingsAccept(group, v));
    if (index < 0) return null;
    const value = candidates[index];
    this.tick();
    this.p.state[gi] = value instanceof Set ? new Set(value) : value;
    this.p.assigned[gi] = 2;
    if (group.type === "multi") this.p.decided[gi] = entry.optionIds.length;
    const found = this.at(pos + 1);
    this.p.state[gi] = undefined;
    this.p.assigned[gi] = 0;
    this.p.decided[gi] = 0;
    return found;
  }

  /** Decides the options of a multi group one by one (in option order), then the rest of the groups. */
  private multi(pos: number, gi: number, oi: number, hidden: Set<string> | undefined, mustFill: boolean): Value[] | null {
    const entry = this.m.compiled.groups[gi]!;
    if (oi === entry.optionIds.length) return this.closeMulti(pos, gi, mustFill);
    const group = entry.group;
    if (group.type !== "multi") return null;
    const option = entry.optionIds[oi]!;
    const set = this.p.state[gi] as Set<string>;
    const preferred = this.prefer.get(gi);
    const first = preferred instanceof Set ? preferred.has(option) : (group.default?.includes(option) ?? false);
    const values = hidden?.has(option) ? [false] : first ? [true, false] : [false, true];
    for (const on of values) {
      this.tick();
      if (on) {
        if (group.maxCount !== undefined && set.size >= group.maxCount) continue;
        set.add(option);
      }
      this.p.decided[gi] = oi + 1;
      if (this.consistent(gi)) {
        const found = this.multi(pos, gi, oi + 1, hidden, mustFill);
        if (found) return found;
      }
      set.delete(option);
    }
    this.p.decided[gi] = oi;
    return null;
  }

  private closeMulti(pos: number, gi: number, mustFill: boolean): Value[] | null {
    const group = this.m.compiled.groups[gi]!.group;
    if (group.type !== "multi") return null;
    const size = (this.p.state[gi] as Set<string>).size;
    if (size === 0 && mustFill) return null;
    if (size > 0 && group.minCount !== undefined && size < group.minCount) return null;
    this.p.assigned[gi] = 2;
    const found = this.consistent(gi) ? this.at(pos + 1) : null;
    this.p.assigned[gi] = 1;
    return found;
  }

  /** The values to try for a single, number or text group, most useful first. */
  private domain(gi: number, hidden: Set<string> | undefined, mustFill: boolean): Value[] {
    const { compiled, numberValues, textValue } = this.m;
    const entry = compiled.groups[gi]!;
    const group = entry.group;
    const values: Value[] = [];
    const add = (v: Value) => {
      if (!values.includes(v)) values.push(v);
    };
    const preferred = this.prefer.get(gi);
    if (group.type === "single") {
      const open = entry.optionIds.filter((o) => !hidden?.has(o));
      if (typeof preferred === "string" && open.includes(preferred)) add(preferred);
      if (group.default !== undefined && open.includes(group.default)) add(group.default);
      if (!mustFill) add(undefined);
      for (const o of open) add(o);
    } else if (group.type === "number") {
      const all = numberValues[gi]!;
      if (typeof preferred === "number" && all.includes(preferred)) add(preferred);
      if (group.default !== undefined && all.includes(group.default)) add(group.default);
      if (!mustFill) add(undefined);
      for (const v of all) add(v);
    } else {
      const filledFirst = preferred !== undefined || isFilledText(group.type === "text" ? group.default : undefined);
      if (filledFirst || mustFill) add(textValue[gi]);
      if (!mustFill) add(undefined);
      add(textValue[gi]);
    }
    return values;
  }

  /** True when one of the (enabled) visibility rules fails: the group or option is hidden. Exact in visibility order. */
  private failing(rules: VisRule[]): boolean {
    for (const r of rules) if (!this.disabled.has(r.index) && r.when(this.p) === 0) return true;
    return false;
  }

  /** False when a rule on the group is broken whatever the unassigned groups get, or a wanted condition cannot hold. */
  private consistent(gi: number): boolean {
    const { rules, rulesByGroup } = this.m;
    const p = this.p;
    for (const ri of rulesByGroup[gi]!) {
      const r = rules[ri]!;
      if (this.disabled.has(r.index)) continue;
      if (r.kind === "range") {
        const { gi: target, min, max } = r.range!;
        const v = p.state[target];
        if (p.assigned[target] === 2 && typeof v === "number" && (v < min || v > max) && r.when(p) === 1) return false;
        continue;
      }
      if (r.when(p) !== 1) continue;
      const then = r.then!(p);
      if (r.kind === "requires" ? then === 0 : then === 1) return false;
    }
    for (const m of this.must) if (m.tri(p) === 0) return false;
    return true;
  }

  /** The complete configuration checked exactly as evaluate() checks it (with the disabled rules left out). */
  private leaf(): Value[] | null {
    const state = this.p.state.map((v) => (v instanceof Set ? new Set(v) : v));
    if (!validConfiguration(this.m, state, this.disabled)) return null;
    for (const m of this.must) if (!m.exact(state)) return null;
    return state;
  }
}

/** Whether a group's own settings (required, options, counts, bounds and step) accept the value, as validConfiguration checks them. */
function ownSettingsAccept(group: Definition["groups"][number], value: Value): boolean {
  if (group.type === "multi") {
    if (!(value instanceof Set)) return false;
    if (value.size === 0) return !group.required;
    if (![...value].every((id) => group.options.some((o) => o.id === id))) return false;
    return (group.minCount === undefined || value.size >= group.minCount) && (group.maxCount === undefined || value.size <= group.maxCount);
  }
  if (value === undefined) return !group.required;
  if (group.type === "single") return typeof value === "string" && group.options.some((o) => o.id === value);
  if (group.type === "number") return typeof value === "number" && value >= group.min && value <= group.max && isOnStep(value, group.min, group.step);
  return isFilledText(value);
}

function hasValue(value: Value): boolean {
  if (value === undefined) return false;
  if (value instanceof Set) return value.size > 0;
  return value !== "";
}

/** evaluate()'s validity of a complete configuration (raw values), leaving out the disabled rules. */
function validConfiguration(m: Internals, raw: Value[], disabled: Set<number>): boolean {
  const { compiled } = m;
  const eff: Value[] = new Array(m.n).fill(undefined);
  const enabled = (index: number) => !disabled.has(index);
  const visible: boolean[] = new Array(m.n).fill(false);
  for (const gi of compiled.visOrder) {
    const entry = compiled.groups[gi]!;
    const value = raw[gi];
    if (entry.groupVis.some((r) => enabled(r.index) && !r.when(eff))) {
      if (hasValue(value)) return false;
      continue;
    }
    visible[gi] = true;
    for (const [option, rules] of entry.optionVis) {
      if (!rules.some((r) => enabled(r.index) && !r.when(eff))) continue;
      if (value === option || (value instanceof Set && value.has(option))) return false;
    }
    eff[gi] = entry.group.type === "multi" && value === undefined ? new Set<string>() : value;
  }
  for (const entry of compiled.groups) {
    const { gi, group } = entry;
    if (!visible[gi]) continue;
    const value = eff[gi];
    if (group.type === "single") {
      if (group.required && value === undefined) return false;
    } else if (group.type === "multi") {
      const count = (value as Set<string>).size;
      if (count === 0 && group.required) return false;
      if (count > 0 && group.minCount !== undefined && count < group.minCount) return false;
      if (group.maxCount !== undefined && count > group.maxCount) return false;
    } else if (group.type === "number") {
      if (typeof value !== "number") {
        if (group.required) return false;
        continue;
      }
      let min = group.min;
      let max = group.max;
      for (const r of entry.rangeRules) {
        if (!enabled(r.index) || !r.when(eff)) continue;
        min = Math.max(min, r.range!.min);
        max = Math.min(max, r.range!.max);
      }
      if (value < min || value > max || !isOnStep(value, group.min, group.step)) return false;
    } else if (!isFilledText(value)) {
      if (group.required) return false;
    }
  }
  for (const c of compiled.constraints) {
    if (c.rule.kind !== "range" && enabled(c.index) && c.violated(eff)) return false;
  }
  return true;
}

/** A number group's grid value nearest below (or at) x. */
function gridAt(min: number, step: number, k: number): number {
  return Number((min + k * step).toPrecision(12));
}

/**
 * The values of a number group that can make a difference: its bounds, and the grid steps at and around
 * every value a condition compares it with or a range rule bounds it by (between two such thresholds,
 * every grid value makes every condition and check come out the same).
 */
export function relevantNumbers(definition: Definition, group: Extract<Definition["groups"][number], { type: "number" }>): number[] {
  const kMax = Math.floor((group.max - group.min) / group.step + 1e-9);
  const thresholds = new Set<number>();
  const visit = (c: Condition): void => {
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else if ("compare" in c && c.compare.group === group.id) thresholds.add(c.compare.value);
  };
  for (const rule of definition.rules) {
    visit(rule.when);
    if (rule.kind === "requires" || rule.kind === "excludes") visit(rule.then);
    if (rule.kind === "range" && rule.group === group.id) {
      if (rule.min !== undefined) thresholds.add(rule.min);
      if (rule.max !== undefined) thresholds.add(rule.max);
    }
  }
  const ks = new Set<number>([0, kMax]);
  for (const t of thresholds) {
    const k = (t - group.min) / group.step;
    for (const x of [Math.floor(k) - 1, Math.floor(k), Math.ceil(k), Math.ceil(k) + 1]) if (x >= 0 && x <= kMax) ks.add(x);
  }
  return [...ks].sort((a, b) => a - b).map((k) => gridAt(group.min, group.step, k)).filter((v) => v >= group.min && v <= group.max && isOnStep(v, group.min, group.step));
}

type TextGroup = Extract<Definition["groups"][number], { type: "text" }>;

function textFits(group: TextGroup, text: string): boolean {
  if (!isFilledText(text) || [...text].length > group.maxLength) return false;
  if (group.pattern === undefined) return true;
  try {
    return new RegExp(`^(?:${group.pattern})$`, "u").test(text);
  } catch {
    return false;
  }
}

/** A text a customer could enter: the default, or a short sample the pattern accepts. */
function sampleText(group: TextGroup): string {
  const samples = [group.default ?? "", "A", "a", "1", "AB", "ab", "A1", "Aa", "x"];
  return samples.find((s) => textFits(group, s)) ?? "A";
}
