import { chosenIndexes, type Compiled } from "./compile";
import type { CompiledAxis, FormulaEnv } from "./compile-pricing";
import { isFilledText, type State } from "./conditions";
import { nearlyEqual, roundTo, type Outcome } from "../expression";
import { roundHalfAwayFromZero } from "./rounding";
import type { Breakdown, BreakdownLine, Problem } from "./types";

// The itemized price. Rounding (all amounts are integer cents, every line is rounded once):
// - number groups: value x priceCentsPerUnit, rounded half away from zero per line;
// - formula prices: the formula's quantity rounded half away from zero to the item's decimals, then
//   clamped to its minimum/maximum, x rateCents, rounded half away from zero per line;
// - price tables: the cents of the grid cell, as they are (already integers);
// - percent price rules: percent of the subtotal before price rules (base + options + units + text +
//   formulas + tables), each rule rounded half away from zero on its own (percent rules do not compound);
// - premium: premiumPercent of (subtotal + price rules), rounded half away from zero;
// - the unit price is the sum of those lines;
// - quantity: one line of unit price x (quantity - 1);
// - quantity tier: percent of the unit price rounded half away from zero once, per unit, and that
//   discount x quantity as one negative line; the price each is unit price - per-unit discount,
// so lines always sum exactly to the total (= price each x quantity).
// A formula or table that cannot be priced (a group it reads has no value, a division by zero, a value
// above the last band) adds no line and a "price" problem instead, so the configuration is not valid.

export type PricedBreakdown = Breakdown & { unitPriceCents: number; problems: Problem[] };

/** Builds the breakdown for one effective state and quantity; its lines sum exactly to totalCents. */
export function priceBreakdown(compiled: Compiled, state: State, quantity: number): PricedBreakdown {
  const { definition } = compiled;
  const lines: BreakdownLine[] = [{ kind: "base", label: "Base price", amountCents: definition.basePriceCents }];
  const problems: Problem[] = [];
  for (const entry of compiled.groups) {
    const { gi, group } = entry;
    const value = state[gi];
    if (value === undefined) continue;
    switch (group.type) {
      case "single":
      case "multi":
        for (const oi of chosenIndexes(entry, value as string | Set<string>)) {
          const option = group.options[oi]!;
          lines.push({ kind: "option", label: entry.lineLabels[oi]!, group: group.id, option: option.id, amountCents: option.priceCents });
        }
        break;
      case "number":
        lines.push({
          kind: "unit",
          label: `${group.label}: ${value as number} ${group.unit}`,
          group: group.id,
          amountCents: roundHalfAwayFromZero((value as number) * group.priceCentsPerUnit),
        });
        break;
      case "text":
        if (isFilledText(value)) {
          lines.push({ kind: "text", label: `${group.label}: "${value as string}"`, group: group.id, amountCents: group.priceCents });
        }
        break;
    }
  }
  const { pricing } = compiled;
  if (pricing.formulas.length > 0 || pricing.tables.length > 0) pricedItems(compiled, state, quantity, lines, problems);
  const subtotal = sum(lines);
  for (const { compiled: rule, rule: priceRule } of compiled.priceRules) {
    if (!rule.when(state)) continue;
    const amountCents = priceRule.amountCents ?? roundHalfAwayFromZero((subtotal * (priceRule.percent ?? 0)) / 100);
    lines.push({ kind: "rule", label: priceRule.message, ruleId: priceRule.id, amountCents });
  }
  if (definition.premiumPercent > 0) {
    lines.push({
      kind: "premium",
      label: `Customization premium (${definition.premiumPercent}%)`,
      amountCents: roundHalfAwayFromZero((sum(lines) * definition.premiumPercent) / 100),
    });
  }
  const fullUnitCents = sum(lines);
  if (quantity > 1) {
    lines.push({ kind: "quantity", label: `Quantity ${quantity} (${quantity - 1} more at the unit price)`, amountCents: fullUnitCents * (quantity - 1) });
  }
  let unitPriceCents = fullUnitCents;
  const tier = pricing.tiers.find((t) => quantity >= t.minQuantity);
  if (tier) {
    const perUnitCents = roundHalfAwayFromZero((fullUnitCents * tier.percent) / 100);
    if (perUnitCents !== 0) {
      unitPriceCents = fullUnitCents - perUnitCents;
      lines.push({
        kind: "tier",
        label: `Quantity discount: ${tier.percent}% off each from ${tier.minQuantity} units`,
        tier: { minQuantity: tier.minQuantity, percent: tier.percent, perUnitCents },
        amountCents: -perUnitCents * quantity,
      });
    }
  }
  return { lines, totalCents: unitPriceCents * quantity, unitPriceCents, problems };
}

/** Adds the lines of the formula prices and price tables that apply, or a problem for each that cannot be priced. */
function pricedItems(compiled: Compiled, state: State, quantity: number, lines: BreakdownLine[], problems: Problem[]): void {
  const env: FormulaEnv = { state, quantity };
  for (const { item, when, quantity: formula } of compiled.pricing.formulas) {
    if (when && !when(state)) continue;
    const outcome = formula(env);
    if (!outcome.ok) {
      problems.push(formulaProblem(compiled, item.label, outcome));
      continue;
    }
    const measured = roundTo(outcome.value, item.decimals);
    if (measured < 0) {
      problems.push({ code: "price", message: `${item.label} cannot be priced: its quantity is negative (${measured} ${item.unit})` });
      continue;
    }
    let amount = measured;
    if (item.minQuantity !== undefined && amount < item.minQuantity) amount = item.minQuantity;
    if (item.maxQuantity !== undefined && amount > item.maxQuantity) amount = item.maxQuantity;
    lines.push({
      kind: "formula",
      label: item.label,
      item: item.id,
      measure: { quantity: amount, unit: item.unit, decimals: item.decimals, rateCents: item.rateCents, ...(amount !== measured ? { clampedFrom: measured } : {}) },
      amountCents: roundHalfAwayFromZero(amount * item.rateCents),
    });
  }
  for (const { table, when, rows, columns } of compiled.pricing.tables) {
    if (when && !when(state)) continue;
    const row = band(rows, state, table.label, problems);
    const column = columns ? band(columns, state, table.label, problems) : { index: 0, text: "" };
    if (!row || !column) continue;
    const cents = table.cents[row.index]?.[column.index];
    if (cents === undefined) {
      problems.push({ code: "price", message: `${table.label} has no price for ${row.text}${column.text ? `, ${column.text}` : ""}` });
      continue;
    }
    lines.push({ kind: "table", label: `${table.label} (${row.text}${column.text ? `, ${column.text}` : ""})`, item: table.id, amountCents: cents });
  }
}

/** The band of an axis's current value, with "Width up to 150 cm"; a problem when there is none. */
function band(axis: CompiledAxis | undefined, state: State, label: string, problems: Problem[]): { index: number; text: string } | null {
  if (!axis) {
    problems.push({ code: "price", message: `${label} cannot be priced: it reads a group that is not a number` });
    return null;
  }
  const { group, upTo } = axis;
  const value = state[axis.gi];
  if (typeof value !== "number") {
    problems.push({ code: "price", group: group.id, message: `${label} cannot be priced: enter ${group.label}` });
    return null;
  }
  for (let k = 0; k < upTo.length; k++) {
    if (value < upTo[k]! || nearlyEqual(value, upTo[k]!)) return { index: k, text: `${group.label} up to ${upTo[k]} ${group.unit}` };
  }
  problems.push({
    code: "price",
    group: group.id,
    message: `${label} has no price for ${group.label} above ${upTo[upTo.length - 1]} ${group.unit} (${value} ${group.unit} entered)`,
  });
  return null;
}

/** The problem of a formula that could not be computed ("Fabric cannot be priced: enter Width"). */
export function formulaProblem(compiled: Compiled, what: string, outcome: Extract<Outcome, { ok: false }>, verb = "priced"): Problem {
  if (outcome.missing !== undefined) {
    const group = compiled.byId.get(outcome.missing)?.group;
    return { code: "price", group: outcome.missing, message: `${what} cannot be ${verb}: enter ${group?.label ?? outcome.missing}` };
  }
  return { code: "price", message: `${what} cannot be ${verb}: ${outcome.message} (at ${outcome.position} of its formula)` };
}

function sum(lines: BreakdownLine[]): number {
  let total = 0;
  for (const line of lines) total += line.amountCents;
  return total;
}
