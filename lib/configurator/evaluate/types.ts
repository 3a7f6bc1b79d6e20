import type { Selection } from "../definition/selection-types";

// Result types of evaluate(): what the configurator page and the order service read.

export type ProblemCode = "rule" | "required" | "range" | "step" | "count" | "text-length" | "text-pattern" | "unknown" | "price";

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
export type OptionState = {
  available: boolean;
  reason?: string;
  ruleId?: string;
  /** Choosing it also chooses these ("Power supply: 24 V"): its requires rules are satisfied by exactly them (inferChoice in ./fix). */
  adds?: string[];
};

export type CurrentRange = { min: number; max: number; step: number; unit: string; minRuleId?: string; maxRuleId?: string };

export type LineKind = "base" | "option" | "unit" | "text" | "formula" | "table" | "rule" | "premium" | "quantity" | "tier";

/**
 * A formula line's measure: `quantity` (rounded to `decimals`) `unit` x `rateCents`, e.g. 2.40 m² x 8900.
 * `clampedFrom` is the formula's own quantity when the item's minimum or maximum replaced it.
 */
export type LineMeasure = { quantity: number; unit: string; decimals: number; rateCents: number; clampedFrom?: number };

/** A quantity-tier line: from `minQuantity` units, `percent` % off, i.e. `perUnitCents` off each unit. */
export type LineTier = { minQuantity: number; percent: number; perUnitCents: number };

export type BreakdownLine = {
  kind: LineKind;
  label: string;
  group?: string;
  option?: string;
  ruleId?: string;
  /** Formula and table lines: the pricing item's id. */
  item?: string;
  measure?: LineMeasure;
  tier?: LineTier;
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
export type BomLine = { sku: string; name?: string; unit?: string; quantity: number; supplyDays?: number };

/** The production hours of one routing operation for the whole order (setup included), in routing order. */
export type OperationHours = { key: string; label: string; workCentre: string; hours: number };

export type EvaluateOptions = {
  quantity?: number;
  /** false: an option blocked by requires rules stays unavailable even when one choice would satisfy them (no `adds`). */
  infer?: boolean;
};

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
