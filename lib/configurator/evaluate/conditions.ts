import type { Condition, Group } from "../definition/schema";

// Conditions compiled to closures over a state array (one slot per group, in definition order).

/** Effective value of one group: option id (single), set of ids (multi), number, or text. */
export type Value = string | Set<string> | number | undefined;
export type State = Value[];
export type Test = (state: State) => boolean;

export type Atoms = { groups: Set<number>; selected: Set<string>; filled: Set<number> };
const NEVER: Test = () => false;
/** Index key of a `selected(group, option)` atom. */
export const atomKey = (gi: number, option: string) => `${gi}\u0000${option}`;

/** A text value counts as filled when it has a non-blank character. */
export function isFilledText(value: Value): boolean {
  return typeof value === "string" && value.trim() !== "";
}

type GroupRef = { gi: number; group: Group };

/** Compiles a condition to a fast test, recording which groups and options it reads in `atoms`. */
export function compileCondition(condition: Condition, byId: Map<string, GroupRef>, atoms: Atoms): Test {
  if ("all" in condition) {
    const parts = condition.all.map((c) => compileCondition(c, byId, atoms));
    return (st) => {
      for (const part of parts) if (!part(st)) return false;
      return true;
    };
  }
  if ("any" in condition) {
    const parts = condition.any.map((c) => compileCondition(c, byId, atoms));
    return (st) => {
      for (const part of parts) if (part(st)) return true;
      return false;
    };
  }
  if ("not" in condition) {
    const inner = compileCondition(condition.not, byId, atoms);
    return (st) => !inner(st);
  }
  if ("selected" in condition) {
    const { group, option } = condition.selected;
    const entry = byId.get(group);
    if (!entry) return NEVER;
    const gi = entry.gi;
    atoms.groups.add(gi);
    atoms.selected.add(atomKey(gi, option));
    if (entry.group.type === "multi") return (st) => (st[gi] as Set<string> | undefined)?.has(option) === true;
    return (st) => st[gi] === option;
  }
  if ("compare" in condition) {
    const { group, op, value } = condition.compare;
    const entry = byId.get(group);
    if (!entry) return NEVER;
    const gi = entry.gi;
    atoms.groups.add(gi);
    // An unset number makes every comparison false.
    switch (op) {
      case "<": return (st) => typeof st[gi] === "number" && (st[gi] as number) < value;
      case "<=": return (st) => typeof st[gi] === "number" && (st[gi] as number) <= value;
      case ">": return (st) => typeof st[gi] === "number" && (st[gi] as number) > value;
      case ">=": return (st) => typeof st[gi] === "number" && (st[gi] as number) >= value;
      case "==": return (st) => st[gi] === value;
      case "!=": return (st) => typeof st[gi] === "number" && st[gi] !== value;
    }
  }
  const entry = byId.get(condition.filled.group);
  if (!entry) return NEVER;
  const gi = entry.gi;
  atoms.groups.add(gi);
  atoms.filled.add(gi);
  switch (entry.group.type) {
    case "multi": return (st) => ((st[gi] as Set<string> | undefined)?.size ?? 0) > 0;
    case "text": return (st) => isFilledText(st[gi]);
    default: return (st) => st[gi] !== undefined;
  }
}

/** The first group a condition mentions. */
export function firstGroup(condition: Condition): string | undefined {
  if ("all" in condition) return condition.all.map(firstGroup).find((g) => g !== undefined);
  if ("any" in condition) return condition.any.map(firstGroup).find((g) => g !== undefined);
  if ("not" in condition) return firstGroup(condition.not);
  if ("selected" in condition) return condition.selected.group;
  if ("compare" in condition) return condition.compare.group;
  return condition.filled.group;
}

