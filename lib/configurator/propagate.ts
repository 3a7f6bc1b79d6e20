import type { CompareOp, Condition, Definition, Group } from "./schema";

// Static reasoning for lint: facts about a *valid* configuration (which options are chosen, which
// groups are filled, which grid steps a number may take) are propagated through the rules as
// implications, in three-valued logic. Every step is a necessary consequence, so a conflict proves
// that the assumptions cannot hold in any valid configuration (sound, not complete).

export type Implication = { ruleId?: string; when: Condition; then: Condition; groups: number[] };
export class Conflict {
  constructor(readonly ruleId: string | undefined, readonly group: string | undefined) {}
}

type Tri = boolean | undefined;
type GroupMeta = { group: Group; options: string[]; mustFill: boolean; kMax: number };

const negate: Record<CompareOp, CompareOp> = { "<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==" };

export class Propagator {
  private sel = new Map<string, boolean>();
  private filled = new Map<number, boolean>();
  private kLo = new Map<number, number>();
  private kHi = new Map<number, number>();
  private queue: number[] = [];
  private queued = new Set<number>();
  private dirtyGroups = new Set<number>();
  private current: string | undefined;
  /** Rules that asserted something during the last run (the chain behind a conflict). */
  readonly fired = new Set<string>();

  constructor(
    private readonly meta: GroupMeta[],
    private readonly byId: Map<string, number>,
    private readonly implications: Implication[],
    private readonly byGroup: number[][],
  ) {}

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

  clone(): Propagator {
    const copy = new Propagator(this.meta, this.byId, this.implications, this.byGroup);
    copy.sel = new Map(this.sel);
    copy.filled = new Map(this.filled);
    copy.kLo = new Map(this.kLo);
    copy.kHi = new Map(this.kHi);
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

  /** Three-valued truth of a condition under the current facts. */
  eval(c: Condition): Tri {
    if ("all" in c) {
      let result: Tri = true;
      for (const p of c.all) {
        const v = this.eval(p);
        if (v === false) return false;
        if (v === undefined) result = undefined;
      }
      return result;
    }
    if ("any" in c) {
      let result: Tri = false;
      for (const p of c.any) {
        const v = this.eval(p);
        if (v === true) return true;
        if (v === undefined) result = undefined;
      }
      return result;
    }
    if ("not" in c) {
      const v = this.eval(c.not);
      return v === undefined ? undefined : !v;
    }
    if ("selected" in c) {
      const gi = this.byId.get(c.selected.group);
      return gi === undefined ? false : this.selected(gi, c.selected.option);
    }
    if ("filled" in c) {
      const gi = this.byId.get(c.filled.group);
      return gi === undefined ? false : this.isFilled(gi);
    }
    const gi = this.byId.get(c.compare.group);
    if (gi === undefined || this.isFilled(gi) === false) return false;
    const [lo, hi] = this.bounds(gi);
    const [sLo, sHi] = this.satisfying(gi, c.compare.op, c.compare.value);
    const none = c.compare.op === "!=" ? lo === hi && lo === sLo : sHi < lo || sLo > hi;
    if (none) return false;
    const all = c.compare.op === "!=" ? sLo < lo || sLo > hi : sLo <= lo && sHi >= hi;
    return all && this.isFilled(gi) === true ? true : undefined;
  }

  private selected(gi: number, option: string): Tri {
    const fact = this.sel.get(`${gi}\u0000${option}`);
    if (fact !== undefined) return fact;
    const { group, options } = this.meta[gi]!;
    if (group.type === "single" && options.some((o) => o !== option && this.sel.get(`${gi}\u0000${o}`) === true)) return false;
    return this.filled.get(gi) === false ? false : undefined;
  }

  private isFilled(gi: number): Tri {
    const { group, options } = this.meta[gi]!;
    if (group.type === "single" || group.type === "multi") {
      let allFalse = true;
      for (const o of options) {
        const v = this.sel.get(`${gi}\u0000${o}`);
        if (v === true) return true;
        if (v !== false) allFalse = false;
      }
      if (allFalse) return false;
    }
    return this.filled.get(gi);
  }

  private bounds(gi: number): [number, number] {
    return [this.kLo.get(gi) ?? 0, this.kHi.get(gi) ?? this.meta[gi]!.kMax];
  }

  /** Grid steps k (value = min + k * step) satisfying `value op v`; for "!=" the excluded step. */
  private satisfying(gi: number, op: CompareOp, v: number): [number, number] {
    const group = this.meta[gi]!.group;
    if (group.type !== "number") return [1, 0];
    const x = (v - group.min) / group.step;
    const onGrid = Math.abs(x - Math.round(x)) < 1e-9;
    switch (op) {
      case "<": return [-Infinity, Math.ceil(x - 1e-9) - 1];
      case "<=": return [-Infinity, Math.floor(x + 1e-9)];
      case ">": return [Math.floor(x + 1e-9) + 1, Infinity];
      case ">=": return [Math.ceil(x - 1e-9), Infinity];
      case "==": return onGrid ? [Math.round(x), Math.round(x)] : [1, 0];
      case "!=": return onGrid ? [Math.round(x), Math.round(x)] : [Infinity, Infinity];
    }
  }

  private conflict(gi?: number): never {
    throw new Conflict(this.current, gi === undefined ? undefined : this.meta[gi]!.group.id);
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
      if (open.length < need) this.conflict(gi);
      if (open.length === need && chosen < need) for (const o of open) this.setSel(gi, o, true);
    } else if (group.type === "number") {
      if (mustFill) this.setFilled(gi, true);
      const [lo, hi] = this.bounds(gi);
      if (lo > hi && filled) this.conflict(gi);
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
    if (fact !== undefined) this.conflict(gi);
    const { group, options } = this.meta[gi]!;
    if (value && !options.includes(option)) this.conflict(gi);
    if (value && this.filled.get(gi) === false) this.conflict(gi);
    this.sel.set(key, value);
    if (value && group.type === "single") for (const o of options) if (o !== option) this.setSel(gi, o, false);
    this.touch(gi);
  }

  private setFilled(gi: number, value: boolean): void {
    const current = this.isFilled(gi);
    if (current === value) return;
    if (current !== undefined) this.conflict(gi);
    this.filled.set(gi, value);
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
    if (nLo > nHi) this.conflict(gi);
    this.kLo.set(gi, nLo);
    this.kHi.set(gi, nHi);
    this.touch(gi);
  }
}
