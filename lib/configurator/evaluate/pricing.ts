import { chosenIndexes, type Compiled } from "./compile";
import { isFilledText, type State } from "./conditions";
import { roundHalfAwayFromZero } from "./rounding";
import type { Breakdown, BreakdownLine } from "./types";

// The itemized price. Rounding (all amounts are integer cents, every line is rounded once):
// - number groups: value x priceCentsPerUnit, rounded half away from zero per line;
// - percent price rules: percent of the subtotal before price rules (base + options + units + text),
//   each rule rounded half away from zero on its own (percent rules do not compound);
// - premium: premiumPercent of (subtotal + price rules), rounded half away from zero;
// - quantity: one line of unit total x (quantity - 1), so lines always sum exactly to the total.

/** Builds the breakdown for one effective state and quantity; its lines sum exactly to totalCents. */
export function priceBreakdown(compiled: Compiled, state: State, quantity: number): Breakdown & { unitPriceCents: number } {
  const { definition } = compiled;
  const lines: BreakdownLine[] = [{ kind: "base", label: "Base price", amountCents: definition.basePriceCents }];
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
  const unitPriceCents = sum(lines);
  if (quantity > 1) {
    lines.push({ kind: "quantity", label: `Quantity ${quantity} (${quantity - 1} more at the unit price)`, amountCents: unitPriceCents * (quantity - 1) });
  }
  return { lines, totalCents: unitPriceCents * quantity, unitPriceCents };
}

function sum(lines: BreakdownLine[]): number {
  let total = 0;
  for (const line of lines) total += line.amountCents;
  return total;
}
