import type { State, Value } from "./conditions";

// Small edits to a state array, applied in place and undone: the unit of "what if" questions.

export type Change =
  | { gi: number; kind: "set"; value: string | number | undefined }
  | { gi: number; kind: "add" | "remove"; option: string };

export type Undo = () => void;
export const NONE: readonly number[] = Object.freeze([]);
const noop: Undo = () => undefined;

/** Applies a change to a state array and returns how to undo it. */
export function applyInPlace(state: State, change: Change): Undo {
  const { gi } = change;
  if (change.kind === "set") {
    const previous = state[gi];
    state[gi] = change.value;
    return () => {
      state[gi] = previous;
    };
  }
  const set = state[gi] as Set<string> | undefined;
  if (set === undefined) {
    if (change.kind === "remove") return noop;
    state[gi] = new Set([change.option]);
    return () => {
      state[gi] = undefined;
    };
  }
  const had = set.has(change.option);
  if (change.kind === "add" && !had) {
    set.add(change.option);
    return () => set.delete(change.option);
  }
  if (change.kind === "remove" && had) {
    set.delete(change.option);
    return () => set.add(change.option);
  }
  return noop;
}

/** Equality of two group values (sets by content). */
export function sameValue(a: Value, b: Value): boolean {
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
  }
  return a === b;
}

