import { candidates } from "./fix-candidates";
import type { CompiledRule, GroupEntry } from "./compile";
import type { Selection } from "../definition/selection-types";
import type { Change } from "./changes";
import type { Scenarios } from "./scenarios";
import type { Fix, OptionState } from "./types";

// For every option: can the customer choose it right now, why not, and which one change fixes it.
// An option is unavailable when it is hidden, or when choosing it (instead of the current choice for
// a single group, in addition for a multi group) breaks a rule that is not broken without it.

const MAX_FIX_TRIES = 12;

/** Availability of every option of every single/multi group, with reasons and one-step fixes. */
export function optionStates(scenarios: Scenarios, selection: Selection): Record<string, Record<string, OptionState>> {
  const { compiled } = scenarios;
  const result = { ...compiled.optionGroupsTemplate };
  // A snapshot for building fix selections later, unaffected if the caller reuses its object.
  const entries: Entries = typeof selection === "object" && selection !== null && !Array.isArray(selection) ? Object.entries(selection) : [];
  for (const entry of compiled.groups) {
    const { group } = entry;
    if (group.type === "single" || group.type === "multi") result[group.id] = groupStates(scenarios, entries, entry);
  }
  return result;
}

/** The states of one group's options: the shared AVAILABLE state, or why not and a fix searched when read. */
function groupStates(scenarios: Scenarios, entries: Entries, entry: GroupEntry): Record<string, OptionState> {
  const { current, compiled } = scenarios;
  const { gi, optionIds } = entry;
  const states = { ...entry.availableStates };
  const groupRule = current.hiddenGroup[gi];
  const hiddenOptions = current.hiddenOptions[gi];
  for (let oi = 0; oi < optionIds.length; oi++) {
    const option = optionIds[oi]!;
    const hidingRule = groupRule ?? hiddenOptions?.get(option);
    if (hidingRule) {
      states[option] = unavailable(scenarios, entries, entry, oi, [hidingRule], true);
      continue;
    }
    const caused = scenarios.causedBy(gi, oi);
    if (caused.length > 0) states[option] = unavailable(scenarios, entries, entry, oi, caused.map((ci) => compiled.constraints[ci]!), false);
  }
  return states;
}

/**
 * The state of a blocked option: the first blocking rule's message, and its fix. The fix is searched
 * when first read (then cached): a page shows the fix of the option the customer points at, and
 * searching all of them up front would double evaluate's time.
 */
function unavailable(scenarios: Scenarios, entries: Entries, entry: GroupEntry, oi: number, blockers: CompiledRule[], hidden: boolean): OptionState {
  const first = blockers[0]!.rule;
  const state: OptionState = { available: false, reason: first.message, ruleId: first.id };
  let fix: Fix | undefined | null = null;
  FixSlot.attach(state, () => (fix === null ? (fix = findFix(scenarios, entries, entry, oi, blockers, hidden)) : fix));
  return Object.defineProperty(state, "fix", FIX_GETTER);
}

/** Finds a blocked option's fix on the first call, then returns the same one. */
type FixSearch = () => Fix | undefined;

/** A constructor that returns the object it is given, so a subclass adds its private fields to that object. */
const ReturnsTarget = function (target: object) {
  return target;
} as unknown as new (target: object) => object;

/**
 * Keeps a state's FixSearch in a private field of the (plain) state object. Every state shares one
 * getter, FIX_GETTER, that reads this field: a getter written in each state's object literal is a new
 * function per state, and V8 then keeps every state as a slow dictionary-mode object, about three
 * times as costly to build. A private field is invisible to Object.keys, JSON.stringify,
 * structuredClone and deep equality, so states look exactly as before; the object keeps its prototype.
 */
class FixSlot extends ReturnsTarget {
  readonly #search: FixSearch;

  private constructor(state: OptionState, search: FixSearch) {
    super(state);
    this.#search = search;
  }

  static attach(state: OptionState, search: FixSearch): void {
    new FixSlot(state, search);
  }

  static read(state: OptionState): FixSearch {
    return (state as unknown as FixSlot).#search;
  }
}

/** The `fix` property of every blocked option's state: enumerable, read-only, searched on first read. */
const FIX_GETTER: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: OptionState) {
    return FixSlot.read(this)();
  },
};

function findFix(scenarios: Scenarios, entries: Entries, entry: GroupEntry, oi: number, blockers: CompiledRule[], hidden: boolean): Fix | undefined {
  const option = entry.optionIds[oi]!;
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
    if (scenarios.causedBy(entry.gi, oi, change).length > 0) continue;
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
