import type { Condition, Group } from "../definition/schema";
import { isOnStep } from "../definition/references";
import { isFilledText, type Value } from "../evaluate/conditions";

// Three-valued conditions over a partial configuration, for the reachability search (./search): a group is
// unassigned, assigned, or (a multi group) decided option by option in option order.

/** 0: false, 1: true, 2: not known yet. */
export type Tri = 0 | 1 | 2;

/** A partial configuration: values, and how far each group is decided (0 no, 1 partly (multi), 2 yes). */
export type Partial = { state: Value[]; assigned: Uint8Array; decided: Int32Array };
export type TriTest = (p: Partial) => Tri;

type GroupRef = { gi: number; group: Group; optionIndex: Map<string, number> };

const FALSE: TriTest = () => 0;

function compare(v: number, op: string, x: number): boolean {
  switch (op) {
    case "<": return v < x;
    case "<=": return v <= x;
    case ">": return v > x;
    case ">=": return v >= x;
    case "==": return v === x;
    default: return v !== x;
  }
}

/** Whether some value of the number group (within its bounds, on its step) passes `value op x`. */
function anyValuePasses(group: Extract<Group, { type: "number" }>, op: string, x: number): boolean {
  switch (op) {
    case "<": return group.min < x;
    case "<=": return group.min <= x;
    case ">": return group.max > x;
    case ">=": return group.max >= x;
    case "==": return x >= group.min && x <= group.max && isOnStep(x, group.min, group.step);
    default: return group.min !== group.max || group.min !== x;
  }
}

/** Compiles a condition to a three-valued test: exact once every group it reads is assigned. */
export function compileTri(c: Condition, byId: Map<string, GroupRef>): TriTest {
  if ("all" in c) {
    const parts = c.all.map((x) => compileTri(x, byId));
    return (p) => {
      let result: Tri = 1;
      for (const part of parts) {
        const v = part(p);
        if (v === 0) return 0;
        if (v === 2) result = 2;
      }
      return result;
    };
  }
  if ("any" in c) {
    const parts = c.any.map((x) => compileTri(x, byId));
    return (p) => {
      let result: Tri = 0;
      for (const part of parts) {
        const v = part(p);
        if (v === 1) return 1;
        if (v === 2) result = 2;
      }
      return result;
    };
  }
  if ("not" in c) {
    const inner = compileTri(c.not, byId);
    return (p) => {
      const v = inner(p);
      return v === 2 ? 2 : v === 1 ? 0 : 1;
    };
  }
  if ("selected" in c) {
    const ref = byId.get(c.selected.group);
    if (!ref) return FALSE;
    const { gi, group } = ref;
    const option = c.selected.option;
    if (group.type === "multi") {
      const oi = ref.optionIndex.get(option) ?? -1;
      return (p) => {
        const a = p.assigned[gi];
        if (a === 0) return 2;
        if (a === 1 && oi >= p.decided[gi]!) return 2;
        return (p.state[gi] as Set<string> | undefined)?.has(option) ? 1 : 0;
      };
    }
    if (group.type !== "single") return FALSE;
    return (p) => (p.assigned[gi] !== 2 ? 2 : p.state[gi] === option ? 1 : 0);
  }
  if ("compare" in c) {
    const ref = byId.get(c.compare.group);
    if (!ref) return FALSE;
    const { gi, group } = ref;
    const { op, value } = c.compare;
    // A comparison no value of the group can pass (nor an empty group) is false before the group is decided.
    if (group.type === "number" && !anyValuePasses(group, op, value)) return FALSE;
    return (p) => {
      if (p.assigned[gi] !== 2) return 2;
      const v = p.state[gi];
      return typeof v === "number" && compare(v, op, value) ? 1 : 0;
    };
  }
  const ref = byId.get(c.filled.group);
  if (!ref) return FALSE;
  const { gi, group } = ref;
  if (group.type === "multi") {
    return (p) => {
      const a = p.assigned[gi];
      if (a === 0) return 2;
      const size = (p.state[gi] as Set<string> | undefined)?.size ?? 0;
      if (size > 0) return 1;
      return a === 2 ? 0 : 2;
    };
  }
  if (group.type === "text") return (p) => (p.assigned[gi] !== 2 ? 2 : isFilledText(p.state[gi]) ? 1 : 0);
  return (p) => (p.assigned[gi] !== 2 ? 2 : p.state[gi] !== undefined ? 1 : 0);
}
