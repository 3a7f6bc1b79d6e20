import { atomKey, compileCondition, firstGroup, type Atoms, type Test } from "./conditions";
import { visibilityClosure, visibilityOrder } from "./visibility-order";
import type {
  Definition,
  Group,
  LeadTimeRule,
  Option,
  PriceRule,
  Rule,
  VisibleWhenRule,
} from "./schema";

// Per-definition indexes, built once and cached: compiled rules, and which rules each group/option can affect.

export type CompiledRule = {
  index: number;
  rule: Rule;
  when: Test;
  then?: Test;
  /** Group indexes the rule reads or constrains. */
  groups: number[];
  /** The group the rule is "about", for placing its message in the UI. */
  primaryGroup?: string;
  /** Range rules only. */
  range?: { gi: number; min: number; max: number };
};

export type GroupEntry = {
  gi: number;
  group: Group;
  options: Map<string, Option>;
  groupVis: CompiledRule[];
  optionVis: Map<string, CompiledRule[]>;
  /** A visibility condition reads this group, so changing it can hide or show something. */
  visDependent: boolean;
  /** A visibility condition reads this group as a whole (filled, compare, or a number/text value). */
  visReadsWhole: boolean;
  /** Options of this group that a visibility condition reads with `selected`. */
  visReadOptions: Set<string>;
  /** Constraint rules (requires/excludes/range) that read or constrain this group. */
  constraintRules: number[];
  /** Per option: constraint rules whose truth can change when this option is chosen or dropped. */
  relevant: Map<string, number[]>;
  rangeRules: CompiledRule[];
};

export type Compiled = {
  definition: Definition;
  groups: GroupEntry[];
  byId: Map<string, GroupEntry>;
  rules: CompiledRule[];
  constraints: CompiledRule[];
  priceRules: { compiled: CompiledRule; rule: PriceRule }[];
  leadRules: { compiled: CompiledRule; rule: LeadTimeRule }[];
  visOrder: number[];
  /** Per group: the groups whose visibility depends on it, directly or not, in visOrder. */
  visAffected: number[][];
  /** No visibility condition reads its own group or a later one, so partial re-resolution is exact. */
  visAcyclic: boolean;
};

function compile(definition: Definition): Compiled {
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
    const entry: CompiledRule = { index, rule, when, groups: [], primaryGroup: firstGroup(rule.when) };
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
    else if (rule.kind === "leadTime") leadRules.push({ compiled: entry, rule });
  });

  for (const entry of groups) {
    for (const optionId of entry.options.keys()) {
      const list = [...(byAtom.get(atomKey(entry.gi, optionId)) ?? []), ...byFilled[entry.gi]!];
      entry.relevant.set(optionId, [...new Set(list)].sort((a, b) => a - b));
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
    visOrder,
    ...visibilityClosure(visOrder, visDeps),
  };
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
