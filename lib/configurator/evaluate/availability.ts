import { blockersOf } from "./blockers";
import type { GroupEntry } from "./compiled-types";
import type { Scenarios } from "./scenarios";
import { inferable } from "./infer";
import type { OptionState } from "./types";

// For every option: can the customer choose it right now, and why not. An option is unavailable when it
// is hidden, or when choosing it (instead of the current choice for a single group, in addition for a
// multi group) breaks a rule that is not broken without it. The one-step fix of a blocked option is
// searched only when asked for (./fix): a page shows the fixes of the options it shows blocked, and
// searching every fix here would double evaluate's time.

/** Availability of every option of every single/multi group, with the reason of each blocked one. */
export function optionStates(scenarios: Scenarios, infer = true): Record<string, Record<string, OptionState>> {
  const { compiled } = scenarios;
  const result = { ...compiled.optionGroupsTemplate };
  for (const entry of compiled.groups) {
    const { group } = entry;
    if (group.type === "single" || group.type === "multi") result[group.id] = groupStates(scenarios, entry, infer);
  }
  return result;
}

/** The states of one group's options: the shared AVAILABLE state, or the first blocking rule's message. */
function groupStates(scenarios: Scenarios, entry: GroupEntry, infer: boolean): Record<string, OptionState> {
  const states = { ...entry.availableStates };
  for (let oi = 0; oi < entry.optionIds.length; oi++) {
    const blockers = blockersOf(scenarios, entry, oi);
    if (!blockers) continue;
    // Blocked only by requires rules that one choice satisfies: choosing it adds that choice (./infer).
    const inference = infer ? inferable(scenarios, entry, oi, blockers) : undefined;
    if (inference) {
      states[entry.optionIds[oi]!] = { available: true, adds: inference.added.map((a) => a.label) };
      continue;
    }
    const first = blockers.rules[0]!.rule;
    states[entry.optionIds[oi]!] = { available: false, reason: first.message, ruleId: first.id };
  }
  return states;
}

export { blockersOf, type Blockers } from "./blockers";
