import type { Selection } from "../definition/selection-types";

// Result types of evaluate(): what the configurator page and the order service read.

export type ProblemCode = "rule" | "required" | "range" | "step" | "count" | "text-length" | "text-pattern" | "unknown";

export type Problem = { code: ProblemCode; group?: string; option?: string; ruleId?: string; message: string };

export type Fix = {
  /** What the extra change does, e.g. "Choose Comfort package" or "Remove Tow bar". */
  label: string;
  /** The whole selection after the fix, with the blocked option chosen too. */
  selection: Selection;
};

/**
 * Whether an option can be chosen now, and when not, the message and id of the first rule that blocks
 * it. Plain data; the one-step fix of a blocked option is asked for separately (fixFor in ./fix).
 */
export type OptionState = { available: boolean; reason?: string; ruleId?: string };

export type CurrentRange = { min: number; max: number; step: number; unit: string; minRuleId?: string; maxRuleId?: string };

export type LineKind = "base" | "option" | "unit" | "text" | "rule" | "premium" | "quantity";

export type BreakdownLine = {
  kind: LineKind;
  label: string;
  group?: string;
  option?: string;
  ruleId?: string;
  amountCents: number;
};

export type Breakdown = { lines: BreakdownLine[]; totalCents: number };

export type LeadDriver = {
  kind: "base" | "option" | "unit" | "text" | "rule" | "component";
  group?: string;
  option?: string;
  ruleId?: string;
  /** Component drivers: the SKU whose supply takes the longest. */
  sku?: string;
  days: number;
  message: string;
};

/** One SKU the configuration consumes; supplyDays (the largest given for the SKU) when any component sets it. */
export type BomLine = { sku: string; name?: string; quantity: number; supplyDays?: number };

/** The production hours of one routing operation for the whole order (setup included), in routing order. */
export type OperationHours = { key: string; label: string; workCentre: string; hours: number };

export type EvaluateOptions = { quantity?: number };

export type EvaluateResult = {
  valid: boolean;
  problems: Problem[];
  /** options[groupId][optionId], for single and multi groups. */
  options: Record<string, Record<string, OptionState>>;
  visibleGroups: string[];
  /** Options hidden by visibleWhen rules, per visible group. */
  hiddenOptions: Record<string, string[]>;
  ranges: Record<string, CurrentRange>;
  breakdown: Breakdown;
  unitPriceCents: number;
  totalCents: number;
  quantity: number;
  leadDays: number;
  leadDrivers: LeadDriver[];
  /** The sum of the operations' hours. */
  productionHours: number;
  operations: OperationHours[];
  bom: BomLine[];
};
