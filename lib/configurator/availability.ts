import { candidates } from "./fix-candidates";
import type { CompiledRule, GroupEntry } from "./compile";
import type { Selection } from "./selection";
import type { Change } from "./changes";
import type { Scenarios } from "./scenarios";
import type { Fix, OptionState } from "./types";

// For every option: can the customer choose it right now, why not, and which one change fixes it.
// An option is unavailable when it is hidden, or when choosing it (instead of the current choice for
// a single group, in addition for a multi group) breaks a rule that is not broken without it.

const MAX_FIX_TRIES = 12;
/** Shared, frozen: most options are available, and one object for all of them saves allocation. */
const AVAILABLE: OptionState = Object.freeze({ available: true });

/** Availability of every option of every single/multi group, with reasons and one-step fixes. */
export function optionStates(scenarios: Scenarios, selection: Selection): Record<string, Record<string, OptionState>> {
  const { compiled, current } = scenarios;
  const result: Record<string, Record<string, OptionState>> = {};
  // A snapshot for building fix selections later, unaffected if the caller reuses its object.
  const entries: Entries = typeof selection === "object" && selection !== null && !Array.isArray(selection) ? Object.entries(selection) : [];
  for (const entry of compiled.groups) {
    const { group, gi } = entry;
    if (group.type !== "single" && group.type !== "multi") continue;
    const states: Record<string, OptionState> = {};
    const groupRule = current.hiddenGroup[gi];
    for (const option of group.options) {
      const hidingRule = groupRule ?? current.hiddenOptions[gi]?.get(option.id);
      let blockers: CompiledRule[];
      if (hidingRule) blockers = [hidingRule];
      else {
        const caused = scenarios.causedBy(gi, option.id);
        if (caused.length === 0) {
          states[option.id] = AVAILABLE;
          continue;
        }
        blockers = caused.map((ci) => compiled.constraints[ci]!);
      }
      const first = blockers[0]!.rule;
      // The fix is searched when first read (then cached): a page shows the fix of the option the
      // customer points at, and searching all of them up front would double evaluate's time.
      const hidden = hidingRule !== undefined;
      let fix: Fix | undefined | null = null;
      states[option.id] = {
        available: false,
        reason: first.message,
        ruleId: first.id,
        get fix() {
          if (fix === null) fix = findFix(scenarios, entries, entry, option.id, blockers, hidden);
          return fix;
        },
      };
    }
    result[group.id] = states;
  }
  return result;
}

function findFix(
  scenarios: Scenarios,
  entries: Entries,
  entry: GroupEntry,
  option: string,
  blockers: CompiledRule[],
  hidden: boolean,
): Fix | undefined {
  const seen: string[] = [];
  let tries = 0;
  for (const candidate of candidates(scenarios, entry, option, blockers)) {
    const { change } = candidate;
    const key = change.kind === "set" ? `${change.gi}=${String(change.value)}` : `${change.gi}${change.kind}${change.option}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    if (++tries > MAX_FIX_TRIES) return undefined;
    // The option must be visible after the change (a change can also hide it).
    const visibilityMoves = hidden || scenarios.changeNeedsResolve(change);
    if (visibilityMoves && !scenarios.within([change], (res) => !res.hiddenGroup[entry.gi] && !res.hiddenOptions[entry.gi]?.has(option))) continue;
    if (scenarios.causedBy(entry.gi, option, change).length > 0) continue;
    const choose: Change = entry.group.type === "multi" ? { gi: entry.gi, kind: "add", option } : { gi: entry.gi, kind: "set", value: option };
    if (scenarios.breaksMore([change, choose])) continue;
    // The selection is built when read: a page shows every fix's label, but applies one fix.
    let selection: Selection | undefined;
    return {
      label: candidate.label,
      get selection() {
        return (selection ??= applyToSelection(scenarios, entries, [change, choose]));
      },
    };
  }
  return undefined;
}

type Entries = [string, Selection[string]][];

/** Copies the selection with the changes applied (copying from entries is several times faster than a spread). */
function applyToSelection(scenarios: Scenarios, entries: Entries, changes: Change[]): Selection {
  const next: Selection = {};
  for (const [key, value] of entries) next[key] = value;
  for (const change of changes) {
    const id = scenarios.compiled.groups[change.gi]!.group.id;
    if (change.kind === "set") {
      if (change.value === undefined) delete next[id];
      else next[id] = change.value;
    } else {
      const list = Array.isArray(next[id]) ? (next[id] as string[]) : [];
      next[id] = change.kind === "add" ? (list.includes(change.option) ? list : [...list, change.option]) : list.filter((x) => x !== change.option);
    }
  }
  return next;
}
