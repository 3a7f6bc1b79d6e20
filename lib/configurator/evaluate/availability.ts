import type { CompiledRule, GroupEntry } from "./compiled-types";
import type { Scenarios } from "./scenarios";
import type { OptionState } from "./types";

// For every option: can the customer choose it right now, and why not. An option is unavailable when it
// is hidden, or when choosing it (instead of the current choice for a single group, in addition for a
// multi group) breaks a rule that is not broken without it. The one-step fix of a blocked option is
// searched only when asked for (./fix): a page shows the fixes of the options it shows blocked, and
// searching every fix here would double evaluate's time.

/** Availability of every option of every single/multi group, with the reason of each blocked one. */
export function optionStates(scenarios: Scenarios): Record<string, Record<string, OptionState>> {
  const { compiled } = scenarios;
  const result = { ...compiled.optionGroupsTemplate };
  for (const entry of compiled.groups) {
    const { group } = entry;
    if (group.type === "single" || group.type === "multi") result[group.id] = groupStates(scenarios, entry);
  }
  return result;
}

/** The states of one group's options: the shared AVAILABLE state, or the first blocking rule's message. */
function groupStates(scenarios: Scenarios, entry: GroupEntry): Record<string, OptionState> {
  const states = { ...entry.availableStates };
  for (let oi = 0; oi < entry.optionIds.length; oi++) {
    const blockers = blockersOf(scenarios, entry, oi);
    if (!blockers) continue;
    const first = blockers.rules[0]!.rule;
    states[entry.optionIds[oi]!] = { available: false, reason: first.message, ruleId: first.id };
  }
  return states;
}

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
