import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { blockersOf } from "./availability";
import type { Change } from "./changes";
import { violatedConstraints } from "./checks";
import { getCompiled } from "./compile";
import type { CompiledRule, GroupEntry } from "./compiled-types";
import { candidates } from "./fix-candidates";
import { applied, inferable } from "./infer";
import { Scenarios } from "./scenarios";
import { readSelection, resolveVisibility } from "./state";
import type { Fix } from "./types";

// The one-step fix of a blocked option: one more change (choose or remove an option, move a number)
// after which the option can be chosen without breaking a rule that holds now. evaluate() does not
// search fixes (searching every one would double its time); a page asks for the fix of each option it
// shows blocked, and the server's first view asks for all of them (allFixes).

const MAX_FIX_TRIES = 12;

/**
 * Every one-step fix of a blocked option (at most `limit`), most likely first: where several choices
 * would each unblock it (two power supplies for a motor that needs one), the customer picks one.
 */
export function fixesFor(definition: Definition, selection: Selection, groupId: string, optionId: string, limit = 4): Fix[] {
  const situation = situationOf(definition, selection);
  const entry = situation.scenarios.compiled.byId.get(groupId);
  const oi = entry?.optionIndex.get(optionId);
  if (!entry || oi === undefined) return [];
  const blockers = blockersOf(situation.scenarios, entry, oi);
  return blockers ? findFixes(situation.scenarios, situation.entries, entry, oi, blockers.rules, blockers.hidden, limit) : [];
}

/** A choice and what the engine adds to it, with the words of the notice that says so. */
export type InferredChoice = {
  /** The whole selection with the option and what it needs chosen. */
  selection: Selection;
  added: { group: string; label: string; ruleId: string; message: string }[];
  /** "Power supply: 24 V added because Motor: Quiet needs it". */
  notice: string;
};

/**
 * Choosing option `optionId` of group `groupId` when its requires rules are satisfied by exactly one
 * choice each: the selection with those choices made too (undefined when there is nothing to add, or
 * more than one way). The browser applies it and offers to undo; the server never infers.
 */
export function inferFor(definition: Definition, selection: Selection, groupId: string, optionId: string): InferredChoice | undefined {
  const situation = situationOf(definition, selection);
  const { scenarios } = situation;
  const entry = scenarios.compiled.byId.get(groupId);
  const oi = entry?.optionIndex.get(optionId);
  if (!entry || oi === undefined) return undefined;
  const inference = inferable(scenarios, entry, oi);
  if (!inference) return undefined;
  const added = inference.added.map((a) => ({ group: scenarios.compiled.groups[a.gi]!.group.id, label: a.label, ruleId: a.rule.rule.id, message: a.rule.rule.message }));
  const chosen = `${entry.group.label}: ${entry.options.get(optionId)?.label ?? optionId}`;
  return {
    selection: applyToSelection(scenarios, situation.entries, inference.changes),
    added,
    notice: `${added.map((a) => a.label).join(" and ")} added because ${chosen} needs it`,
  };
}

/** Every blocked option's fix, by group and option id (options without a one-step fix are left out). */
export type OptionFixes = Record<string, Record<string, Fix>>;

/**
 * The one-step fix of option `optionId` of group `groupId` for a selection, with the whole selection
 * after it; undefined when the option is available, is not an option of a single or multi group, or
 * no single change is enough.
 */
export function fixFor(definition: Definition, selection: Selection, groupId: string, optionId: string): Fix | undefined {
  const situation = situationOf(definition, selection);
  const entry = situation.scenarios.compiled.byId.get(groupId);
  const oi = entry?.optionIndex.get(optionId);
  return entry && oi !== undefined ? searchFix(situation, entry, oi) : undefined;
}

/** The fix of every blocked option of a selection: for a view that shows them all before the engine loads. */
export function allFixes(definition: Definition, selection: Selection): OptionFixes {
  const situation = situationOf(definition, selection);
  const fixes: OptionFixes = {};
  for (const entry of situation.scenarios.compiled.groups) {
    for (let oi = 0; oi < entry.optionIds.length; oi++) {
      const fix = searchFix(situation, entry, oi, true);
      if (fix) (fixes[entry.group.id] ??= {})[entry.optionIds[oi]!] = fix;
    }
  }
  return fixes;
}

type Entries = [string, Selection[string]][];

/** A selection as the engine's scenarios see it, with a copy of its entries to build fixed selections from. */
type Situation = { selection: Selection; entries: Entries; scenarios: Scenarios };

/** The last situation asked about, per definition: a page asks for several fixes of one selection in a row. */
const situations = new WeakMap<Definition, Situation>();

function situationOf(definition: Definition, selection: Selection): Situation {
  const last = situations.get(definition);
  if (last && last.selection === selection && sameEntries(last.entries, selection)) return last;
  const compiled = getCompiled(definition);
  const { raw } = readSelection(compiled, selection);
  const current = resolveVisibility(compiled, raw, false);
  const scenarios = new Scenarios(compiled, raw, current, violatedConstraints(compiled, current.eff));
  const situation: Situation = { selection, entries: entriesOf(selection), scenarios };
  situations.set(definition, situation);
  return situation;
}

/** The selection's entries, lists copied, so a caller that changes its object later does not change them. */
function entriesOf(selection: Selection): Entries {
  if (typeof selection !== "object" || selection === null || Array.isArray(selection)) return [];
  return Object.entries(selection).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]);
}

/** True when the selection still has exactly these entries (it may have been changed in place since). */
function sameEntries(entries: Entries, selection: Selection): boolean {
  const now = entriesOf(selection);
  if (now.length !== entries.length) return false;
  return entries.every(([key, value], i) => {
    const [nowKey, nowValue] = now[i]!;
    if (nowKey !== key) return false;
    if (!Array.isArray(value) || !Array.isArray(nowValue)) return value === nowValue;
    return value.length === nowValue.length && value.every((x, j) => x === nowValue[j]);
  });
}

/** The fix of a blocked option; with skipInferred, none for an option evaluate() shows available because choosing it adds what it needs. */
function searchFix(situation: Situation, entry: GroupEntry, oi: number, skipInferred = false): Fix | undefined {
  const blockers = blockersOf(situation.scenarios, entry, oi);
  if (!blockers) return undefined;
  if (skipInferred && inferable(situation.scenarios, entry, oi)) return undefined;
  return findFix(situation.scenarios, situation.entries, entry, oi, blockers.rules, blockers.hidden);
}

function findFix(scenarios: Scenarios, entries: Entries, entry: GroupEntry, oi: number, blockers: CompiledRule[], hidden: boolean): Fix | undefined {
  return findFixes(scenarios, entries, entry, oi, blockers, hidden, 1)[0];
}

function findFixes(scenarios: Scenarios, entries: Entries, entry: GroupEntry, oi: number, blockers: CompiledRule[], hidden: boolean, limit: number): Fix[] {
  const option = entry.optionIds[oi]!;
  const seen: string[] = [];
  const fixes: Fix[] = [];
  let tries = 0;
  for (const candidate of candidates(scenarios, entry, option, blockers)) {
    const { change } = candidate;
    const key = change.kind === "set" ? `${change.gi}=${String(change.value)}` : `${change.gi}${change.kind}${change.option}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    if (++tries > MAX_FIX_TRIES) return fixes;
    // The option must be visible after the change (a change can also hide it).
    const visibilityMoves = hidden || scenarios.changeNeedsResolve(change);
    if (visibilityMoves && !scenarios.within([change], (res) => !res.hiddenGroup[entry.gi] && !res.hiddenOptions[entry.gi]?.has(option))) continue;
    if (scenarios.causedBy(entry.gi, oi, change).length > 0) continue;
    const choose: Change = entry.group.type === "multi" ? { gi: entry.gi, kind: "add", option } : { gi: entry.gi, kind: "set", value: option };
    if (scenarios.breaksMore([change, choose])) continue;
    // The change must survive choosing the option too (the option may hide the group the change fills).
    if (!scenarios.within([change, choose], (res) => applied(res, change))) continue;
    fixes.push({ label: candidate.label, selection: applyToSelection(scenarios, entries, [change, choose]) });
    if (fixes.length >= limit) return fixes;
  }
  return fixes;
}

/** Copies the selection with the changes applied (from entries, several times faster than a spread; unchanged lists are shared). */
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
