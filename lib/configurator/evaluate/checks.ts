import type { Compiled, CompiledRule, GroupEntry } from "./compiled-types";
import type { State, Test } from "./conditions";
import type { CurrentRange } from "./types";

// Whether a constraint rule is violated, and the current range of a number group.

const EPSILON = 1e-9;

/** True when a requires/excludes/range rule is broken by the given state. */
export function isViolated(compiled: CompiledRule, state: State): boolean {
  return compiled.violated(state);
}

/** By constraint index: is the rule broken by the state? */
export function violatedConstraints(compiled: Compiled, state: State): boolean[] {
  return compiled.constraints.map((c) => isViolated(c, state));
}

/**
 * Compiles the "is this rule broken" test of a rule once, so the hot loops call one closure instead
 * of switching on the rule kind at every check.
 */
export function compileViolation(compiled: Omit<CompiledRule, "violated">): Test {
  const { when, then } = compiled;
  switch (compiled.rule.kind) {
    case "requires":
      return (state) => when(state) && !then!(state);
    case "excludes":
      return (state) => when(state) && then!(state);
    case "range": {
      if (!compiled.range) return never;
      const { gi, min, max } = compiled.range;
      return (state) => {
        const value = state[gi];
        return typeof value === "number" && (value < min - EPSILON || value > max + EPSILON) && when(state);
      };
    }
    default:
      return never;
  }
}

const never: Test = () => false;

/** The allowed range of a number group right now: its own bounds narrowed by every active range rule. */
export function currentRange(entry: GroupEntry, state: State): CurrentRange {
  const group = entry.group;
  if (group.type !== "number") throw new Error(`Group ${group.id} is not a number group`);
  const range: CurrentRange = { min: group.min, max: group.max, step: group.step, unit: group.unit };
  for (const compiled of entry.rangeRules) {
    if (!compiled.when(state)) continue;
    const { min, max } = compiled.range!;
    if (min > range.min) {
      range.min = min;
      range.minRuleId = compiled.rule.id;
    }
    if (max < range.max) {
      range.max = max;
      range.maxRuleId = compiled.rule.id;
    }
  }
  return range;
}
