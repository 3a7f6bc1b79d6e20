import type { Condition } from "./condition-types";
import type { Definition, Group } from "./schema";
import type { Rule } from "./rule-schema";
import { ID_PATTERN } from "./selection-types";

// Renaming a group, an option or an operation in the admin's editor: every place of the definition that
// refers to it by id follows (conditions, rule targets, range groups, defaults, operations), so a rename
// never leaves rules pointing at nothing. Pure; the editor shows a notice listing the rules that changed.

export type RenameResult =
  | { ok: true; definition: Definition; rules: string[] }
  | { ok: false; message: string };

const ID_RULE = "Use 1-64 lowercase letters, digits, '-' or '_' (starting with a letter or digit)";
const badId = (to: string): RenameResult | null => (ID_PATTERN.test(to) ? null : { ok: false, message: `'${to}' is not a valid id. ${ID_RULE}.` });

type Mapper = { group?: (id: string) => string; option?: (group: string, option: string) => string };

function mapCondition(condition: Condition, map: Mapper): Condition {
  if ("all" in condition) return { all: condition.all.map((c) => mapCondition(c, map)) };
  if ("any" in condition) return { any: condition.any.map((c) => mapCondition(c, map)) };
  if ("not" in condition) return { not: mapCondition(condition.not, map) };
  const group = (id: string) => (map.group ? map.group(id) : id);
  if ("selected" in condition) {
    const { group: g, option } = condition.selected;
    return { selected: { group: group(g), option: map.option ? map.option(g, option) : option } };
  }
  if ("compare" in condition) return { compare: { ...condition.compare, group: group(condition.compare.group) } };
  return { filled: { group: group(condition.filled.group) } };
}

function mapRule(rule: Rule, map: Mapper): Rule {
  const group = (id: string) => (map.group ? map.group(id) : id);
  const when = mapCondition(rule.when, map);
  switch (rule.kind) {
    case "requires":
    case "excludes":
      return { ...rule, when, then: mapCondition(rule.then, map) };
    case "visibleWhen": {
      const target = { ...rule.target, group: group(rule.target.group) };
      if (rule.target.option !== undefined && map.option) target.option = map.option(rule.target.group, rule.target.option);
      return { ...rule, target, when };
    }
    case "range":
      return { ...rule, group: group(rule.group), when };
    default:
      return { ...rule, when };
  }
}

/** Applies a mapping to every rule, and lists the ids of the rules it changed. */
function mapRules(rules: Rule[], map: Mapper): { rules: Rule[]; changed: string[] } {
  const changed: string[] = [];
  const next = rules.map((rule) => {
    const mapped = mapRule(rule, map);
    if (JSON.stringify(mapped) !== JSON.stringify(rule)) changed.push(rule.id);
    return mapped;
  });
  return { rules: next, changed };
}

/** Renames a group and every reference to it; refused when another group already has the new id. */
export function renameGroup(definition: Definition, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, definition, rules: [] };
  const invalid = badId(to);
  if (invalid) return invalid;
  if (definition.groups.some((g) => g.id === to)) return { ok: false, message: `Another group already uses the id '${to}'.` };
  if (!definition.groups.some((g) => g.id === from)) return { ok: false, message: `There is no group '${from}'.` };
  const swap = (id: string) => (id === from ? to : id);
  const { rules, changed } = mapRules(definition.rules, { group: swap });
  const groups = definition.groups.map((g) => (g.id === from ? ({ ...g, id: to } as Group) : g));
  return { ok: true, definition: { ...definition, groups, rules }, rules: changed };
}

/** Renames an option of a group, its place in the group's default and every rule that refers to it. */
export function renameOption(definition: Definition, groupId: string, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, definition, rules: [] };
  const invalid = badId(to);
  if (invalid) return invalid;
  const group = definition.groups.find((g) => g.id === groupId);
  if (!group || (group.type !== "single" && group.type !== "multi")) return { ok: false, message: `Group '${groupId}' has no options.` };
  if (group.options.some((o) => o.id === to)) return { ok: false, message: `Another option of '${group.label}' already uses the id '${to}'.` };
  if (!group.options.some((o) => o.id === from)) return { ok: false, message: `There is no option '${from}' in '${group.label}'.` };
  const swap = (g: string, o: string) => (g === groupId && o === from ? to : o);
  const { rules, changed } = mapRules(definition.rules, { option: swap });
  const options = group.options.map((o) => (o.id === from ? { ...o, id: to } : o));
  const renamed: Group =
    group.type === "single"
      ? { ...group, options, ...(group.default === from ? { default: to } : {}) }
      : { ...group, options, ...(group.default ? { default: group.default.map((d) => (d === from ? to : d)) } : {}) };
  const groups = definition.groups.map((g) => (g.id === groupId ? renamed : g));
  return { ok: true, definition: { ...definition, groups, rules }, rules: changed };
}

/** Renames a routing operation and every option, group and lead-time rule whose hours go to it. */
export function renameOperation(definition: Definition, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, definition, rules: [] };
  if (definition.routing.some((o) => o.id === to)) return { ok: false, message: `Another operation already uses the id '${to}'.` };
  if (!definition.routing.some((o) => o.id === from)) return { ok: false, message: `There is no operation '${from}'.` };
  const swap = <T extends { operation?: string | undefined }>(item: T): T => (item.operation === from ? { ...item, operation: to } : item);
  const routing = definition.routing.map((o) => (o.id === from ? { ...o, id: to } : o));
  const groups = definition.groups.map((g): Group => {
    if (g.type === "single" || g.type === "multi") return { ...g, options: g.options.map(swap) };
    return swap(g);
  });
  const changed: string[] = [];
  const rules = definition.rules.map((r) => {
    if (r.kind !== "leadTime" || r.operation !== from) return r;
    changed.push(r.id);
    return { ...r, operation: to };
  });
  return { ok: true, definition: { ...definition, routing, groups, rules }, rules: changed };
}

function conditionMentions(condition: Condition, groupId: string, optionIds: Set<string> | null): boolean {
  if ("all" in condition) return condition.all.some((c) => conditionMentions(c, groupId, optionIds));
  if ("any" in condition) return condition.any.some((c) => conditionMentions(c, groupId, optionIds));
  if ("not" in condition) return conditionMentions(condition.not, groupId, optionIds);
  if ("selected" in condition) return condition.selected.group === groupId && (optionIds === null || optionIds.has(condition.selected.option));
  if (optionIds !== null) return false;
  return ("compare" in condition ? condition.compare.group : condition.filled.group) === groupId;
}

/**
 * The ids of the rules that refer to some of a group's options (`optionIds`), or to the group at all when
 * `optionIds` is null: what changing a group's type or removing options would leave broken.
 */
export function rulesReferring(definition: Definition, groupId: string, optionIds: string[] | null): string[] {
  const options = optionIds === null ? null : new Set(optionIds);
  return definition.rules
    .filter((rule) => {
      if (conditionMentions(rule.when, groupId, options)) return true;
      if ((rule.kind === "requires" || rule.kind === "excludes") && conditionMentions(rule.then, groupId, options)) return true;
      if (rule.kind === "visibleWhen" && rule.target.group === groupId) {
        return options === null || (rule.target.option !== undefined && options.has(rule.target.option));
      }
      return rule.kind === "range" && options === null && rule.group === groupId;
    })
    .map((rule) => rule.id);
}
