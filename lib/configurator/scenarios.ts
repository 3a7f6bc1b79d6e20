import { isViolated } from "./checks";
import type { Compiled } from "./compile";
import type { State, Value } from "./conditions";
import { reresolve, resolveVisibility, type Resolution } from "./state";

// "What if" questions on the current selection, answered without re-evaluating everything:
// a change to a group that no visibility condition reads is applied to the effective state in
// place (and undone); otherwise visibility is resolved again from a copy of the raw state.

export type Change =
  | { gi: number; kind: "set"; value: string | number | undefined }
  | { gi: number; kind: "add" | "remove"; option: string };

type Undo = () => void;
const NONE: readonly number[] = Object.freeze([]);

function applyInPlace(state: State, change: Change): Undo {
  const { gi } = change;
  if (change.kind === "set") {
    const previous = state[gi];
    state[gi] = change.value;
    return () => {
      state[gi] = previous;
    };
  }
  let set = state[gi] as Set<string> | undefined;
  if (set === undefined) {
    set = new Set();
    state[gi] = set;
    const created = set;
    if (change.kind === "add") created.add(change.option);
    return () => {
      state[gi] = undefined;
    };
  }
  const target = set;
  const had = target.has(change.option);
  if (change.kind === "add" && !had) {
    target.add(change.option);
    return () => target.delete(change.option);
  }
  if (change.kind === "remove" && had) {
    target.delete(change.option);
    return () => target.add(change.option);
  }
  return () => undefined;
}

function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  return a === b;
}

export class Scenarios {
  constructor(
    readonly compiled: Compiled,
    readonly raw: State,
    readonly current: Resolution,
    /** By constraint index: broken in the current state. */
    readonly violatedNow: boolean[],
  ) {}

  /**
   * True when the changes can alter what is visible, so visibility must be resolved again: some
   * visibility condition reads the group as a whole, or reads the option being added, removed, or
   * replaced (for a single group, both the old and the new choice).
   */
  needsResolve(changes: Change[]): boolean {
    for (const c of changes) {
      const entry = this.compiled.groups[c.gi]!;
      if (!entry.visDependent) continue;
      if (entry.visReadsWhole) return true;
      const reads = entry.visReadOptions;
      if (c.kind !== "set") {
        if (reads.has(c.option)) return true;
        continue;
      }
      const old = this.current.eff[c.gi];
      if ((typeof old === "string" && reads.has(old)) || (typeof c.value === "string" && reads.has(c.value))) return true;
    }
    return false;
  }

  /**
   * Resolution of the raw selection with the changes applied, and the groups whose effective value
   * may differ from now. Only the changed groups and their visibility dependents are re-resolved.
   */
  resolveWith(changes: Change[]): Resolution & { affected: number[] } {
    const raw = this.raw.slice();
    const changed = new Set<number>();
    for (const c of changes) {
      const value = raw[c.gi];
      if (value instanceof Set && !changed.has(c.gi)) raw[c.gi] = new Set(value);
      changed.add(c.gi);
      applyInPlace(raw, c);
    }
    const { compiled } = this;
    if (!compiled.visAcyclic) return { ...resolveVisibility(compiled, raw, false), affected: compiled.groups.map((g) => g.gi) };
    let affected: number[];
    if (changed.size === 1) affected = compiled.visAffected[changed.values().next().value!]!;
    else {
      const all = new Set<number>();
      for (const gi of changed) for (const a of compiled.visAffected[gi]!) all.add(a);
      affected = compiled.visOrder.filter((gi) => all.has(gi));
    }
    return { ...reresolve(compiled, this.current, raw, affected), affected };
  }

  /** Runs fn on the current effective state with the changes applied in place, then undoes them. */
  inPlace<T>(changes: Change[], fn: (state: State) => T): T {
    const eff = this.current.eff;
    const undos = changes.map((c) => applyInPlace(eff, c));
    try {
      return fn(eff);
    } finally {
      for (let i = undos.length - 1; i >= 0; i--) undos[i]!();
    }
  }

  /** Constraint rules whose truth can differ between two effective states that differ only in `groups`. */
  rulesBetween(a: State, b: State, groups: number[]): number[] {
    const rules = new Set<number>();
    for (const gi of groups) {
      if (!sameValue(a[gi], b[gi])) for (const ci of this.compiled.groups[gi]!.constraintRules) rules.add(ci);
    }
    return [...rules];
  }

  /**
   * Rules broken because option `option` of group `gi` is chosen (on top of an `extra` change): broken
   * with it, not broken without it. Empty means the option is available in that situation.
   */
  causedBy(gi: number, option: string, extra?: Change): readonly number[] {
    const entry = this.compiled.groups[gi]!;
    const multi = entry.group.type === "multi";
    const constraints = this.compiled.constraints;
    const choose: Change = multi ? { gi, kind: "add", option } : { gi, kind: "set", value: option };
    if (this.needsResolve(extra ? [extra, choose] : [choose])) {
      const unchoose: Change = multi ? { gi, kind: "remove", option } : { gi, kind: "set", value: undefined };
      const withIt = this.resolveWith(extra ? [extra, choose] : [choose]);
      if (withIt.hiddenGroup[gi] || withIt.hiddenOptions[gi]?.has(option)) return NONE;
      const without = this.resolveWith(extra ? [extra, unchoose] : [unchoose]);
      return this.rulesBetween(withIt.eff, without.eff, withIt.affected).filter(
        (ci) => isViolated(constraints[ci]!, withIt.eff) && !isViolated(constraints[ci]!, without.eff),
      );
    }
    // Fast path (hot: runs for every option): toggle the option in place and check only the rules
    // that read it; no allocation unless something breaks.
    const relevant = entry.relevant.get(option);
    if (!relevant || relevant.length === 0) return NONE;
    const eff = this.current.eff;
    const undoExtra = extra ? applyInPlace(eff, extra) : undefined;
    let broken: number[] | undefined;
    if (multi) {
      const set = eff[gi] as Set<string>;
      const had = set.has(option);
      set.add(option);
      for (const ci of relevant) if (isViolated(constraints[ci]!, eff)) (broken ??= []).push(ci);
      if (broken) {
        set.delete(option);
        broken = broken.filter((ci) => !isViolated(constraints[ci]!, eff));
      }
      if (had) set.add(option);
      else set.delete(option);
    } else {
      const previous = eff[gi];
      eff[gi] = option;
      for (const ci of relevant) if (isViolated(constraints[ci]!, eff)) (broken ??= []).push(ci);
      if (broken) {
        eff[gi] = undefined;
        broken = broken.filter((ci) => !isViolated(constraints[ci]!, eff));
      }
      eff[gi] = previous;
    }
    undoExtra?.();
    return broken ?? NONE;
  }

  /** True when the changes would break a rule that is not broken now. */
  breaksMore(changes: Change[]): boolean {
    const constraints = this.compiled.constraints;
    if (this.needsResolve(changes)) {
      const { eff, affected } = this.resolveWith(changes);
      return this.rulesBetween(eff, this.current.eff, affected).some((ci) => !this.violatedNow[ci] && isViolated(constraints[ci]!, eff));
    }
    // Only rules that read a changed atom can change: for a single group the old and new choice,
    // for a multi group the added/removed option, for a number or text group every rule on it.
    const eff = this.current.eff;
    const touched: (readonly number[])[] = [];
    for (const c of changes) {
      const entry = this.compiled.groups[c.gi]!;
      if (c.kind !== "set") touched.push(entry.relevant.get(c.option) ?? NONE);
      else if (entry.group.type === "single") {
        const old = eff[c.gi];
        if (typeof old === "string") touched.push(entry.relevant.get(old) ?? NONE);
        if (typeof c.value === "string") touched.push(entry.relevant.get(c.value) ?? NONE);
      } else touched.push(entry.constraintRules);
    }
    const undos = changes.map((c) => applyInPlace(eff, c));
    let breaks = false;
    outer: for (const rules of touched) {
      for (const ci of rules) {
        if (!this.violatedNow[ci] && isViolated(constraints[ci]!, eff)) {
          breaks = true;
          break outer;
        }
      }
    }
    for (let i = undos.length - 1; i >= 0; i--) undos[i]!();
    return breaks;
  }
}
