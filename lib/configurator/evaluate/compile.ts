import { compileViolation } from "./checks";
import { compilePricing } from "./compile-pricing";
import { atomKey, compileCondition, firstGroup, type Atoms, type Test } from "./conditions";
import { visibilityClosure, visibilityOrder } from "./visibility-order";
import type { Definition, Group, VisibleWhenRule } from "../definition/schema";
import type { Compiled, CompiledRule, GroupEntry } from "./compiled-types";
import type { OptionState } from "./types";

export type { Compiled, CompiledRule, GroupEntry } from "./compiled-types";

// Per-definition indexes, built once and cached: compiled rules, and which rules each group/option can affect.

function compile(definition: Definition): Compiled {
  const operationIndex = new Map<string, number>();
  definition.routing.forEach((operation, i) => {
    if (!operationIndex.has(operation.id)) operationIndex.set(operation.id, i);
  });
  // Hours attributed to no operation (or an unknown one, which the schema refuses) go to the first.
  const opOf = (id: string | undefined) => (id === undefined ? 0 : (operationIndex.get(id) ?? 0));
  const groups: GroupEntry[] = definition.groups.map((group, gi) => ({
    gi,
    group,
    options: new Map(group.type === "single" || group.type === "multi" ? group.options.map((o) => [o.id, o]) : []),
    groupVis: [],
    optionVis: new Map(),
    visDependent: false,
    visReadsWhole: false,
    visReadOptions: new Set(),
    constraintRules: [],
    relevant: new Map(),
    rangeRules: [],
    ...optionTables(group),
    optionOps: group.type === "single" || group.type === "multi" ? group.options.map((o) => opOf(o.operation)) : [],
    groupOp: group.type === "number" || group.type === "text" ? opOf(group.operation) : 0,
  }));
  const byId = new Map(groups.map((g) => [g.group.id, g]));
  const visDeps = groups.map(() => new Set<number>());
  const byAtom = new Map<string, number[]>();
  const byFilled = groups.map(() => [] as number[]);
  const compiled: CompiledRule[] = [];
  const constraints: CompiledRule[] = [];
  const priceRules: Compiled["priceRules"] = [];
  const leadRules: Compiled["leadRules"] = [];

  definition.rules.forEach((rule, index) => {
    const atoms: Atoms = { groups: new Set(), selected: new Set(), filled: new Set() };
    const when = compileCondition(rule.when, byId, atoms);
    const then = rule.kind === "requires" || rule.kind === "excludes" ? compileCondition(rule.then, byId, atoms) : undefined;
    const entry: CompiledRule = { index, rule, when, groups: [], primaryGroup: firstGroup(rule.when), violated: NEVER };
    if (then) entry.then = then;
    if (rule.kind === "visibleWhen") {
      const target = byId.get(rule.target.group);
      if (target) addVisibility(target, rule, entry, atoms, visDeps, groups);
      entry.primaryGroup = rule.target.group;
    }
    if (rule.kind === "range") {
      const target = byId.get(rule.group);
      if (target) {
        atoms.groups.add(target.gi);
        entry.range = { gi: target.gi, min: rule.min ?? -Infinity, max: rule.max ?? Infinity };
        target.rangeRules.push(entry);
      }
      entry.primaryGroup = rule.group;
    }
    entry.groups = [...atoms.groups];
    entry.violated = compileViolation(entry);
    compiled.push(entry);
    if (rule.kind === "requires" || rule.kind === "excludes" || rule.kind === "range") {
      const ci = constraints.length;
      constraints.push(entry);
      for (const gi of atoms.groups) groups[gi]!.constraintRules.push(ci);
      for (const key of atoms.selected) {
        const list = byAtom.get(key);
        if (list) list.push(ci);
        else byAtom.set(key, [ci]);
      }
      for (const gi of atoms.filled) byFilled[gi]!.push(ci);
    } else if (rule.kind === "price") priceRules.push({ compiled: entry, rule });
    else if (rule.kind === "leadTime") leadRules.push({ compiled: entry, rule, op: opOf(rule.operation) });
  });

  for (const entry of groups) {
    for (const optionId of entry.options.keys()) {
      const list = [...(byAtom.get(atomKey(entry.gi, optionId)) ?? []), ...byFilled[entry.gi]!];
      entry.relevant.set(optionId, [...new Set(list)].sort((a, b) => a - b));
    }
    entry.relevantAt = entry.optionIds.map((id) => entry.relevant.get(id)!);
    entry.visReadAt = entry.optionIds.map((id) => entry.visReadOptions.has(id));
  }
  // Components consumed only under a condition: compiled once, looked up by the component itself.
  const componentWhen = new Map<object, Test>();
  for (const { group } of groups) {
    const lists = group.type === "single" || group.type === "multi" ? group.options.map((o) => o.components) : [group.components];
    for (const component of lists.flat()) {
      if (component?.when) componentWhen.set(component, compileCondition(component.when, byId, { groups: new Set(), selected: new Set(), filled: new Set() }));
    }
  }
  const visOrder = visibilityOrder(groups, visDeps);
  return {
    definition,
    groups,
    byId,
    rules: compiled,
    constraints,
    priceRules,
    leadRules,
    pricing: compilePricing(definition, byId),
    componentWhen,
    operationIndex,
    visOrder,
    ...visibilityClosure(visOrder, visDeps),
    optionGroupsTemplate: Object.fromEntries(groups.filter(hasOptions).map((g) => [g.group.id, g.availableStates])),
  };
}

const NEVER: Test = () => false;

/** Per-option tables of a group that do not depend on the rules; the rule-based ones are filled later. */
function optionTables(group: Group): Pick<GroupEntry, "optionIds" | "relevantAt" | "visReadAt" | "singletonAt" | "optionIndex" | "lineLabels" | "leadMessages" | "availableStates"> {
  const options = group.type === "single" || group.type === "multi" ? group.options : [];
  return {
    optionIds: options.map((o) => o.id),
    relevantAt: [],
    visReadAt: [],
    singletonAt: options.map((_, oi) => Object.freeze([oi])),
    optionIndex: new Map(options.map((o, oi) => [o.id, oi])),
    lineLabels: options.map((o) => `${group.label}: ${o.label}`),
    leadMessages: options.map((o) => (o.leadDays > 0 ? `${o.label} adds ${plural(o.leadDays, "day")} of supply` : "")),
    // Object.fromEntries builds it in V8's fast mode, and copies of it stay there.
    availableStates: Object.fromEntries(options.map((o) => [o.id, AVAILABLE])),
  };
}

const NO_OPTIONS: readonly number[] = Object.freeze([]);

/** Indexes of the chosen options of a single or multi group for its effective value, in option order. */
export function chosenIndexes(entry: GroupEntry, value: string | Set<string>): readonly number[] {
  if (typeof value === "string") {
    const oi = entry.optionIndex.get(value);
    return oi === undefined ? NO_OPTIONS : entry.singletonAt[oi]!;
  }
  if (value.size === 0) return NO_OPTIONS;
  const chosen: number[] = [];
  for (let oi = 0; oi < entry.optionIds.length; oi++) if (value.has(entry.optionIds[oi]!)) chosen.push(oi);
  return chosen;
}

const hasOptions = (entry: GroupEntry) => entry.group.type === "single" || entry.group.type === "multi";

/** The state of every available option: shared and frozen, as most options are available. */
export const AVAILABLE: OptionState = Object.freeze({ available: true });

/** "1 day", "3 days". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function addVisibility(
  target: GroupEntry,
  rule: VisibleWhenRule,
  entry: CompiledRule,
  atoms: Atoms,
  visDeps: Set<number>[],
  groups: GroupEntry[],
): void {
  if (rule.target.option === undefined) target.groupVis.push(entry);
  else {
    const list = target.optionVis.get(rule.target.option);
    if (list) list.push(entry);
    else target.optionVis.set(rule.target.option, [entry]);
  }
  for (const gi of atoms.groups) {
    visDeps[target.gi]!.add(gi);
    const group = groups[gi]!;
    group.visDependent = true;
    if (atoms.filled.has(gi) || (group.group.type !== "single" && group.group.type !== "multi")) group.visReadsWhole = true;
  }
  for (const key of atoms.selected) {
    const [gi, option] = key.split("\u0000") as [string, string];
    groups[Number(gi)]!.visReadOptions.add(option);
  }
  atoms.groups.add(target.gi);
}

const cache = new WeakMap<Definition, Compiled>();

/** Returns the cached indexes for a definition (definitions are treated as immutable). */
export function getCompiled(definition: Definition): Compiled {
  let compiled = cache.get(definition);
  if (!compiled) {
    compiled = compile(definition);
    cache.set(definition, compiled);
  }
  return compiled;
}
