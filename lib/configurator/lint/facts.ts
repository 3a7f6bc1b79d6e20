import type { CompareOp, Condition, Group } from "../definition/schema";

// What is known about a valid configuration during lint's propagation: which options are chosen or
// not, which groups are filled, and which grid steps (value = min + k * step) a number can take.

export type Tri = boolean | undefined;
export type GroupMeta = { group: Group; options: string[]; mustFill: boolean; kMax: number };

export class Facts {
  protected sel = new Map<string, boolean>();
  protected filled = new Map<number, boolean>();
  protected kLo = new Map<number, number>();
  protected kHi = new Map<number, number>();
  /** Which rule established each fact ("s:<gi> <option>", "f:<gi>", "n:<gi>"), to explain conflicts. */
  protected why = new Map<string, string>();

  constructor(
    protected readonly meta: GroupMeta[],
    protected readonly byId: Map<string, number>,
  ) {}

  /** Copies another set of facts into this one. */
  protected copyFrom(other: Facts): void {
    this.sel = new Map(other.sel);
    this.filled = new Map(other.filled);
    this.kLo = new Map(other.kLo);
    this.kHi = new Map(other.kHi);
    this.why = new Map(other.why);
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

  protected selected(gi: number, option: string): Tri {
    const fact = this.sel.get(`${gi}\u0000${option}`);
    if (fact !== undefined) return fact;
    const { group, options } = this.meta[gi]!;
    if (group.type === "single" && options.some((o) => o !== option && this.sel.get(`${gi}\u0000${o}`) === true)) return false;
    return this.filled.get(gi) === false ? false : undefined;
  }

  protected isFilled(gi: number): Tri {
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

  protected bounds(gi: number): [number, number] {
    return [this.kLo.get(gi) ?? 0, this.kHi.get(gi) ?? this.meta[gi]!.kMax];
  }

  /** Grid steps k (value = min + k * step) satisfying `value op v`; for "!=" the excluded step. */
  protected satisfying(gi: number, op: CompareOp, v: number): [number, number] {
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

}
