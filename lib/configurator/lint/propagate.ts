import { Facts, type GroupMeta } from "./facts";
import type { CompareOp, Condition, Definition } from "../definition/schema";

// Static reasoning for lint: facts about a *valid* configuration (which options are chosen, which
// groups are filled, which grid steps a number may take) are propagated through the rules as
// implications, in three-valued logic. Every step is a necessary consequence, so a conflict proves
// that the assumptions cannot hold in any valid configuration (sound, not complete).

export type Implication = { ruleId?: string; when: Condition; then: Condition; groups: number[] };
export class Conflict {
  constructor(readonly ruleId: string | undefined, readonly group: string | undefined) {}
}

const negate: Record<CompareOp, CompareOp> = { "<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==" };

export class Propagator extends Facts {
  private queue: number[] = [];
  private queued = new Set<number>();
  private dirtyGroups = new Set<number>();
  private current: string | undefined;
  /** Rules that asserted something during the last run (the chain behind a conflict). */
  readonly fired = new Set<string>();

  constructor(
    meta: GroupMeta[],
    byId: Map<string, number>,
    private readonly implications: Implication[],
    private readonly byGroup: number[][],
  ) {
    super(meta, byId);
  }

  /** Builds a propagator for a definition and a set of implications. */
  static forDefinition(definition: Definition, implications: Implication[]): Propagator {
    const byId = new Map(definition.groups.map((g, gi) => [g.id, gi]));
    const meta = definition.groups.map((group) => ({
      group,
      options: group.type === "single" || group.type === "multi" ? group.options.map((o) => o.id) : [],
      // Hidden groups are not required, so only always-visible required groups must be filled.
      mustFill: group.required && !definition.rules.some((r) => r.kind === "visibleWhen" && r.target.group === group.id && r.target.option === undefined),
      kMax: group.type === "number" ? Math.floor((group.max - group.min) / group.step + 1e-9) : 0,
    }));
    const byGroup = meta.map(() => [] as number[]);
    implications.forEach((imp, i) => imp.groups.forEach((gi) => byGroup[gi]!.push(i)));
    return new Propagator(meta, byId, implications, byGroup);
  }

  /** An independent copy, to try an assumption without changing this one. */
  clone(): Propagator {
    const copy = new Propagator(this.meta, this.byId, this.implications, this.byGroup);
    copy.copyFrom(this);
    return copy;
  }

  /** Checks every implication and group once; throws Conflict when no valid configuration exists. */
  start(): void {
    this.implications.forEach((_, i) => this.enqueue(i));
    this.meta.forEach((_, gi) => this.dirtyGroups.add(gi));
    this.run();
  }

  /** Adds an assumption and propagates it; throws Conflict when it cannot hold. */
  assume(condition: Condition, value: boolean): void {
    this.current = undefined;
    this.assert(condition, value);
    this.run();
  }

  /** Throws a conflict blamed on the rule being applied, else on the rule behind a clashing fact. */
  private conflict(gi?: number, ...facts: string[]): never {
    const reasons = facts.map((f) => this.why.get(f)).filter((r): r is string => r !== undefined);
    for (const r of reasons) this.fired.add(r);
    throw new Conflict(this.current ?? reasons[0], gi === undefined ? undefined : this.meta[gi]!.group.id);
  }

  private record(fact: string): void {
    if (this.current !== undefined) this.why.set(fact, this.current);
  }

  private touch(gi: number): void {
    this.dirtyGroups.add(gi);
    for (const i of this.byGroup[gi]!) this.enqueue(i);
  }

  private enqueue(i: number): void {
    if (!this.queued.has(i)) {
      this.queued.add(i);
      this.queue.push(i);
    }
  }

  private run(): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const i = this.queue.pop();
      if (i === undefined) {
        const gi = this.dirtyGroups.values().next().value;
        if (gi === undefined) return;
        this.dirtyGroups.delete(gi);
        this.checkGroup(gi);
        continue;
      }
      this.queued.delete(i);
      const imp = this.implications[i]!;
      this.current = imp.ruleId;
      const when = this.eval(imp.when);
      const then = this.eval(imp.then);
      if (when === true && then === false) this.conflict();
      if (when === true && then === undefined) this.fire(imp, imp.then, true);
      else if (then === false && when === undefined) this.fire(imp, imp.when, false);
    }
  }

  private fire(imp: Implication, condition: Condition, value: boolean): void {
    if (imp.ruleId) this.fired.add(imp.ruleId);
    this.assert(condition, value);
  }

  private checkGroup(gi: number): void {
    this.current = undefined;
    const { group, options, mustFill } = this.meta[gi]!;
    const filled = mustFill || this.isFilled(gi) === true;
    if (group.type === "single" || group.type === "multi") {
      const open = options.filter((o) => this.sel.get(`${gi}\u0000${o}`) !== false);
      const chosen = options.filter((o) => this.sel.get(`${gi}\u0000${o}`) === true).length;
      if (group.type === "multi" && group.maxCount !== undefined && chosen > group.maxCount) this.conflict(gi);
      if (!filled) return;
      if (mustFill) this.setFilled(gi, true);
      const need = group.type === "multi" ? Math.max(1, group.minCount ?? 1) : 1;
      if (open.length < need) this.conflict(gi, ...options.map((o) => `s:${gi}\u0000${o}`));
      if (open.length === need && chosen < need) for (const o of open) this.setSel(gi, o, true);
    } else if (group.type === "number") {
      if (mustFill) this.setFilled(gi, true);
      const [lo, hi] = this.bounds(gi);
      if (lo > hi && filled) this.conflict(gi, `n:${gi}`);
    } else if (mustFill) this.setFilled(gi, true);
  }

  private assert(c: Condition, value: boolean): void {
    if ("all" in c || "any" in c) {
      const parts = "all" in c ? c.all : c.any;
      // all=true / any=false: every part; all=false / any=true: the last open part.
      if (("all" in c) === value) {
        for (const p of parts) this.assert(p, value);
        return;
      }
      const values = parts.map((p) => this.eval(p));
      if (values.includes(value)) return; // already satisfied by a decided part
      const open = parts.filter((_, i) => values[i] === undefined);
      if (open.length === 0) this.conflict();
      if (open.length === 1) this.assert(open[0]!, value);
      return;
    }
    if ("not" in c) return this.assert(c.not, !value);
    if ("selected" in c) {
      const gi = this.byId.get(c.selected.group);
      if (gi === undefined) {
        if (value) this.conflict();
        return;
      }
      return this.setSel(gi, c.selected.option, value);
    }
    if ("filled" in c) {
      const gi = this.byId.get(c.filled.group);
      if (gi !== undefined) this.setFilled(gi, value);
      else if (value) this.conflict();
      return;
    }
    const gi = this.byId.get(c.compare.group);
    if (gi === undefined) {
      if (value) this.conflict();
      return;
    }
    if (value) {
      this.setFilled(gi, true);
      this.narrow(gi, c.compare.op, c.compare.value);
    } else if (this.isFilled(gi) === true) this.narrow(gi, negate[c.compare.op], c.compare.value);
  }

  private setSel(gi: number, option: string, value: boolean): void {
    const key = `${gi}\u0000${option}`;
    const fact = this.sel.get(key);
    if (fact === value) return;
    if (fact !== undefined) this.conflict(gi, `s:${key}`);
    const { group, options } = this.meta[gi]!;
    if (value && !options.includes(option)) this.conflict(gi);
    if (value && this.filled.get(gi) === false) this.conflict(gi, `f:${gi}`);
    this.sel.set(key, value);
    this.record(`s:${key}`);
    if (value && group.type === "single") for (const o of options) if (o !== option) this.setSel(gi, o, false);
    this.touch(gi);
  }

  private setFilled(gi: number, value: boolean): void {
    const current = this.isFilled(gi);
    if (current === value) return;
    if (current !== undefined) this.conflict(gi, `f:${gi}`, ...this.meta[gi]!.options.map((o) => `s:${gi}\u0000${o}`));
    this.filled.set(gi, value);
    this.record(`f:${gi}`);
    const { group, options } = this.meta[gi]!;
    if (!value && (group.type === "single" || group.type === "multi")) for (const o of options) this.setSel(gi, o, false);
    this.touch(gi);
  }

  private narrow(gi: number, op: CompareOp, v: number): void {
    const [lo, hi] = this.bounds(gi);
    const [sLo, sHi] = this.satisfying(gi, op, v);
    let nLo = lo;
    let nHi = hi;
    if (op === "!=") {
      if (sLo === lo) nLo = lo + 1;
      if (sLo === hi) nHi = hi - 1;
    } else {
      nLo = Math.max(lo, sLo);
      nHi = Math.min(hi, sHi);
    }
    if (nLo === lo && nHi === hi) return;
    if (nLo > nHi) this.conflict(gi, `n:${gi}`);
    this.record(`n:${gi}`);
    this.kLo.set(gi, nLo);
    this.kHi.set(gi, nHi);
    this.touch(gi);
  }
}
