import type { BreakdownLine } from "./types";

// The text of a breakdown line as shown to people: the engine keeps a formula line's figures as data
// (quantity, unit, rate) and the caller formats money in its own currency.

/** "Fabric: 2.40 m² × €89.00" for a formula line, "Quantity discount: ... (−€19.09 each)" for a tier, else the label. */
export function lineText(line: BreakdownLine, money: (cents: number) => string): string {
  const { measure, tier } = line;
  if (measure) {
    const amount = (n: number) => `${n.toFixed(measure.decimals)} ${measure.unit}`;
    const clamped = measure.clampedFrom === undefined ? "" : ` (${measure.clampedFrom < measure.quantity ? "minimum" : "maximum"}; ${amount(measure.clampedFrom)} measured)`;
    return `${line.label}: ${amount(measure.quantity)} × ${money(measure.rateCents)}${clamped}`;
  }
  if (tier) return `${line.label} (${money(-tier.perUnitCents)} each)`;
  return line.label;
}
