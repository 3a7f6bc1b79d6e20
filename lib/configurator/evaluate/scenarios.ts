import { isViolated } from "./checks";
import type { Compiled, GroupEntry } from "./compile";
import { applyInPlace, NONE, sameValue, type Change } from "./changes";
import type { State } from "./conditions";
import { resolveGroup, resolveVisibility, type Resolution } from "./state";

// "What if" questions on the current selection, answered without re-evaluating everything. Changes
// are applied to the current state in place and undone afterwards; when a change can alter what is
// visible, only the changed groups and their visibility dependents are re-resolved (also in place).

export class Scenarios {
  constructor(
    readonly compiled: Compiled,
    readonly raw: State,
    readonly current: Resolution,
    /** By constraint index: broken in the current state. */
    readonly violatedNow: boolean[],
  ) {}

  /**
   * True when a change can alter what is visible: a visibility condition reads its group as a whole,
   * or reads the option added, removed or replaced (for a single group, the old and the new choice).
   */
  changeNeedsResolve(c: Change): boolean {
    const entry = this.compiled.groups[c.gi]!;
    if (!entry.visDependent) return false;
    if (entry.visReadsWhole) return true;
    const reads = entry.visReadOptions;
    if (c.kind !== "set") return reads.has(c.option);
    const old = this.current.eff[c.gi];
    return (typeof old === "string" && reads.has(old)) || (typeof c.value === "string" && reads.has(c.value));
  }

  /**
   * What a change does to the effective state when visibility stays as it is, as resolveGroup would decide:
   * nothing in a hidden group or for a hidden option (undefined), and a hidden single choice leaves the group empty.
   */
  private effectiveChange(c: Change): Change | undefined {
    const { hiddenGroup, hiddenOptions } = this.current;
    if (hiddenGroup[c.gi]) return undefined;
    const hidden = hiddenOptions[c.gi];
    if (!hidden) return c;
    if (c.kind === "set") return typeof c.value === "string" && hidden.has(c.value) ? { gi: c.gi, kind: "set", value: undefined } : c;
    return hidden.has(c.option) ? undefined : c;
  }

  /**
   * Runs fn on the state with the changes applied, then undoes them. Where a change can alter
   * visibility, its dependents are re-resolved; `moved` lists the other groups whose effective value
   * changed as a result (rules reading them may change too).
   */
  within<T>(changes: Change[], fn: (resolution: Resolution, moved: readonly number[]) => T): T {
    const { compiled, current } = this;
    if (!changes.some((c) => this.changeNeedsResolve(c))) {
      const undos = changes.map((c) => {
        const effective = this.effectiveChange(c);
        return effective ? applyInPlace(current.eff, effective) : NO_UNDO;
      });
      try {
        return fn(current, NONE);
      } finally {
        for (let i = undos.length - 1; i >= 0; i--) undos[i]!();
      }
    }
    const own = (gi: number) => changes.some((c) => c.gi === gi);
    const rawUndos = changes.map((c) => applyInPlace(this.raw, c));
    try {
      if (!compiled.visAcyclic) {
        const full = resolveVisibility(compiled, this.raw, false);
        return fn(full, compiled.visOrder.filter((gi) => !own(gi) && !sameValue(full.eff[gi], current.eff[gi])));
      }
      const order = this.affectedOrder(changes);
      const saved = order.map((gi) => [current.eff[gi], current.hiddenGroup[gi], current.hiddenOptions[gi]] as const);
      const moved: number[] = [];
      order.forEach((gi, k) => {
        current.eff[gi] = undefined;
        current.hiddenGroup[gi] = undefined;
        current.hiddenOptions[gi] = undefined;
        resolveGroup(compiled, gi, this.raw[gi], current, false);
        if (!own(gi) && !sameValue(current.eff[gi], saved[k]![0])) moved.push(gi);
      });
      try {
        return fn(current, moved);
      } finally {
        order.forEach((gi, k) => {
          [current.eff[gi], current.hiddenGroup[gi], current.hiddenOptions[gi]] = saved[k]!;
        });
      }
    } finally {
      for (let i = rawUndos.length - 1; i >= 0; i--) rawUndos[i]!();
    }
  }

  /**
   * Rules broken because the option at index `oi` of group `gi` is chosen (on top of an `extra`
   * change): broken with it, not broken without it. Empty means the option is available in that
   * situation. Hot: runs for every option, so the option is named by its index.
   */
  causedBy(gi: number, oi: number, extra?: Change): readonly number[] {
    const entry = this.compiled.groups[gi]!;
    const option = entry.optionIds[oi]!;
    const relevant = entry.relevantAt[oi]!;
    // Whether choosing the option (or the extra change) can change what is visible.
    if (extra !== undefined && this.changeNeedsResolve(extra)) return this.causedResolving(entry, option, extra);
    if (!entry.visDependent) return this.causedInPlace(entry, option, relevant, extra);
    if (entry.visReadsWhole || entry.visReadAt[oi]) return this.causedResolving(entry, option, extra);
    const old = this.current.eff[gi];
    if (entry.group.type === "multi" || typeof old !== "string" || !entry.visReadOptions.has(old)) return this.causedInPlace(entry, option, relevant, extra);
    // The current choice is read by a visibility condition and is replaced.
    if (extra !== undefined || !this.compiled.visAcyclic) return this.causedResolving(entry, option, extra);
    return this.causedFromCleared(entry, option, relevant);
  }

  /** causedBy when choosing can change what is visible: re-resolves visibility with and without the option. */
  private causedResolving(entry: GroupEntry, option: string, extra: Change | undefined): readonly number[] {
    const gi = entry.gi;
    const multi = entry.group.type === "multi";
    const constraints = this.compiled.constraints;
    const choose: Change = multi ? { gi, kind: "add", option } : { gi, kind: "set", value: option };
    const unchoose: Change = multi ? { gi, kind: "remove", option } : { gi, kind: "set", value: undefined };
    const broken = this.within(extra ? [extra, choose] : [choose], (res, moved) => {
      if (res.hiddenGroup[gi] || res.hiddenOptions[gi]?.has(option)) return [];
      const rules = moved.length === 0 ? (entry.relevant.get(option) ?? NONE) : this.rulesOf(moved, entry.relevant.get(option));
      return rules.filter((ci) => isViolated(constraints[ci]!, res.eff));
    });
    if (broken.length === 0) return NONE;
    return this.within(extra ? [extra, unchoose] : [unchoose], (res) => broken.filter((ci) => !isViolated(constraints[ci]!, res.eff)));
  }

  /**
   * causedBy when choosing cannot change what is visible: toggles the option in place and checks only
   * the rules that read it; no allocation unless something breaks.
   */
  private causedInPlace(entry: GroupEntry, option: string, relevant: readonly number[], extra: Change | undefined): readonly number[] {
    if (relevant.length === 0) return NONE;
    const gi = entry.gi;
    const constraints = this.compiled.constraints;
    const eff = this.current.eff;
    const undoExtra = extra ? applyInPlace(eff, extra) : undefined;
    let broken: number[] | undefined;
    if (entry.group.type === "multi") {
      const set = eff[gi] as Set<string>;
      const had = set.has(option);
      set.add(option);
      for (const ci of relevant) if (constraints[ci]!.violated(eff)) (broken ??= []).push(ci);
      if (broken) {
        set.delete(option);
        broken = broken.filter((ci) => !constraints[ci]!.violated(eff));
      }
      if (had) set.add(option);
      else set.delete(option);
    } else {
      const previous = eff[gi];
      eff[gi] = option;
      for (const ci of relevant) if (constraints[ci]!.violated(eff)) (broken ??= []).push(ci);
      if (broken) {
        eff[gi] = undefined;
        broken = broken.filter((ci) => !constraints[ci]!.violated(eff));
      }
      eff[gi] = previous;
    }
    undoExtra?.();
    return broken ?? NONE;
  }

  /**
   * causedBy for an option of a single group that no visibility condition reads, while the current
   * choice is read by one. Visibility conditions read the group only through `selected` of other
   * options, so choosing the option shows and hides exactly what clearing the group does: the cleared
   * state is resolved once per group, and each option is toggled in it. As in causedInPlace, only the
   * rules that read the option (or whether the group is filled) can differ between the two states.
   * Only on the current state: the cleared resolution is cached for the life of this object.
   */
  private causedFromCleared(entry: GroupEntry, option: string, relevant: readonly number[]): readonly number[] {
    const gi = entry.gi;
    const cleared = this.clearedResolution(gi);
    if (relevant.length === 0 || cleared.hiddenGroup[gi] || cleared.hiddenOptions[gi]?.has(option)) return NONE;
    const constraints = this.compiled.constraints;
    const eff = cleared.eff;
    eff[gi] = option;
    let broken: number[] | undefined;
    for (const ci of relevant) if (constraints[ci]!.violated(eff)) (broken ??= []).push(ci);
    eff[gi] = undefined;
    if (!broken) return NONE;
    return broken.filter((ci) => !constraints[ci]!.violated(eff));
  }

  private readonly clearedResolutions = new Map<number, Resolution>();

  /** The resolution with single group `gi` cleared, computed once per group. */
  private clearedResolution(gi: number): Resolution {
    let resolution = this.clearedResolutions.get(gi);
    if (!resolution) {
      resolution = this.within([{ gi, kind: "set", value: undefined }], copyResolution);
      this.clearedResolutions.set(gi, resolution);
    }
    return resolution;
  }

  /** True when the changes would break a rule that is not broken now. */
  breaksMore(changes: Change[]): boolean {
    const constraints = this.compiled.constraints;
    const eff = this.current.eff;
    // Only rules that read a changed atom can change: for a single group the old and new choice,
    // for a multi group the added/removed option, for a number or text group every rule on it.
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
    return this.within(changes, (res, moved) => {
      if (moved.length > 0) touched.push(this.rulesOf(moved));
      for (const rules of touched) for (const ci of rules) if (!this.violatedNow[ci] && isViolated(constraints[ci]!, res.eff)) return true;
      return false;
    });
  }

  /** The groups to re-resolve after the changes, in visOrder (visAffected is already in that order). */
  private affectedOrder(changes: Change[]): readonly number[] {
    const { visAffected, visOrder } = this.compiled;
    if (changes.length === 1) return visAffected[changes[0]!.gi]!;
    const affected = new Set<number>();
    for (const c of changes) for (const gi of visAffected[c.gi]!) affected.add(gi);
    return visOrder.filter((gi) => affected.has(gi));
  }

  /** Constraint rules on the given groups, plus `extra` rule indexes, without duplicates. */
  private rulesOf(groups: readonly number[], extra: readonly number[] = NONE): readonly number[] {
    const rules = new Set<number>(extra);
    for (const gi of groups) for (const ci of this.compiled.groups[gi]!.constraintRules) rules.add(ci);
    return [...rules];
  }
}

/** A copy of a resolution's arrays (their values are shared: the copy only ever replaces slots). */
function copyResolution(res: Resolution): Resolution {
  return { eff: res.eff.slice(), hiddenGroup: res.hiddenGroup.slice(), hiddenOptions: res.hiddenOptions.slice() };
}

const NO_UNDO = () => {};
