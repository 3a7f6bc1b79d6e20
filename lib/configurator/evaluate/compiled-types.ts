import type { Definition, Group, LeadTimeRule, Option, PriceRule, Rule } from "../definition/schema";
import type { CompiledPricing } from "./compile-pricing";
import type { Test } from "./conditions";
import type { OptionState } from "./types";

// The per-definition indexes that ./compile builds once (and caches), as the rest of the engine reads them.

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
  /** True when the state breaks the rule (requires, excludes and range rules; always false for others). */
  violated: Test;
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
  /** Option ids in definition order (empty for number and text groups); the arrays below share its indexes. */
  optionIds: string[];
  /** Per option index: the list `relevant` holds for it (the hot loops index arrays instead of hashing ids). */
  relevantAt: number[][];
  /** Per option index: a visibility condition reads the option (it is in `visReadOptions`). */
  visReadAt: boolean[];
  /** Per option index: [index], so a single group's chosen option is listed without allocating. */
  singletonAt: (readonly number[])[];
  /** Option id -> its index. */
  optionIndex: Map<string, number>;
  /** Per option index: the label of its price line, "Group: Option". */
  lineLabels: string[];
  /** Per option index: the lead-time message of an option with lead days ("" without). */
  leadMessages: string[];
  /** Per option index: the routing index its production hours go to. */
  optionOps: number[];
  /** Number and text groups: the routing index their production hours go to. */
  groupOp: number;
  /**
   * Every option id mapped to AVAILABLE, in option order: evaluate copies it and replaces the states
   * of blocked options. Copying an object built once is several times cheaper than adding the ids one
   * by one (which also leaves V8 a slow dictionary-mode object past a dozen keys).
   */
  availableStates: Record<string, OptionState>;
};

export type Compiled = {
  definition: Definition;
  groups: GroupEntry[];
  byId: Map<string, GroupEntry>;
  rules: CompiledRule[];
  constraints: CompiledRule[];
  priceRules: { compiled: CompiledRule; rule: PriceRule }[];
  /** Lead-time rules, with the routing index their production hours go to. */
  leadRules: { compiled: CompiledRule; rule: LeadTimeRule; op: number }[];
  /** Formula prices, price tables, quantity tiers and the operations' hour formulas. */
  pricing: CompiledPricing;
  /** The compiled condition of each component that is consumed only when it holds. */
  componentWhen: Map<object, Test>;
  /** Routing index of each operation id. */
  operationIndex: Map<string, number>;
  visOrder: number[];
  /** Per group: the groups whose visibility depends on it, directly or not, in visOrder. */
  visAffected: number[][];
  /** No visibility condition reads its own group or a later one, so partial re-resolution is exact. */
  visAcyclic: boolean;
  /** The ids of the single and multi groups, in definition order, each mapped to its availableStates: evaluate copies it for `options` and replaces every value. */
  optionGroupsTemplate: Record<string, Record<string, OptionState>>;
};
