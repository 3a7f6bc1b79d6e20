import type { CompiledRule, GroupEntry } from "./compiled-types";
import type { Scenarios } from "./scenarios";

// What blocks an option now: the visibility rule hiding it, or the rules choosing it would break.

/** What blocks an option: the visibleWhen rule hiding it (`hidden`), or the rules choosing it would break. */
export type Blockers = { rules: CompiledRule[]; hidden: boolean };

/** What blocks the option at index `oi` of a single or multi group now; undefined when it is available. */
export function blockersOf(scenarios: Scenarios, entry: GroupEntry, oi: number): Blockers | undefined {
  const { current, compiled } = scenarios;
  const hiding = current.hiddenGroup[entry.gi] ?? current.hiddenOptions[entry.gi]?.get(entry.optionIds[oi]!);
  if (hiding) return { rules: [hiding], hidden: true };
  const caused = scenarios.causedBy(entry.gi, oi);
  return caused.length > 0 ? { rules: caused.map((ci) => compiled.constraints[ci]!), hidden: false } : undefined;
}

