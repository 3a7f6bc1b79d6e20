import { chosenIndexes, plural, type Compiled } from "./compile";
import { isFilledText, type State } from "./conditions";
import { cleanFloat } from "./rounding";
import type { Component } from "../definition/schema";
import type { BomLine, LeadDriver } from "./types";

// Lead time, production hours and bill of materials for one effective state.
// Materials are ordered in parallel, just in time, so lead days = base + the single largest
// option/rule lead time, while production hours add up.

export type Fulfilment = { leadDays: number; leadDrivers: LeadDriver[]; productionHours: number; bom: BomLine[] };

type BomTally = Map<string, { sku: string; name: string | undefined; quantity: number }>;

/** Computes lead days (and what drives them), production hours and the BOM, all for `quantity` units. */
export function fulfilment(compiled: Compiled, state: State, quantity: number): Fulfilment {
  const { definition } = compiled;
  const drivers: LeadDriver[] = [];
  let hours = definition.baseProductionHours;
  const bom: BomTally = new Map();

  for (const entry of compiled.groups) {
    const { gi, group } = entry;
    const value = state[gi];
    if (value === undefined) continue;
    if (group.type === "single" || group.type === "multi") {
      for (const oi of chosenIndexes(entry, value as string | Set<string>)) {
        const option = group.options[oi]!;
        hours += option.productionHours;
        addComponents(bom, option.components, quantity);
        if (option.leadDays > 0) drivers.push({ kind: "option", group: group.id, option: option.id, days: option.leadDays, message: entry.leadMessages[oi]! });
      }
    } else if (group.type === "number") {
      const n = value as number;
      hours += n * group.productionHoursPerUnit;
      addComponents(bom, group.components, n * quantity);
      const days = Math.ceil(cleanFloat(n * (group.leadDaysPerUnit ?? 0)));
      if (days > 0) drivers.push({ kind: "unit", group: group.id, days, message: `${group.label} of ${n} ${group.unit} adds ${plural(days, "day")}` });
    } else if (isFilledText(value)) {
      hours += group.productionHours ?? 0;
      const days = group.leadDays ?? 0;
      if (days > 0) drivers.push({ kind: "text", group: group.id, days, message: `${group.label} adds ${plural(days, "day")}` });
    }
  }
  for (const { compiled: rule, rule: leadRule } of compiled.leadRules) {
    if (!rule.when(state)) continue;
    hours += leadRule.productionHours ?? 0;
    const days = leadRule.leadDays ?? 0;
    if (days > 0) drivers.push({ kind: "rule", ruleId: leadRule.id, days, message: `${leadRule.message} (${plural(days, "day")})` });
  }

  let longest = 0;
  for (const driver of drivers) if (driver.days > longest) longest = driver.days;
  return {
    leadDays: definition.baseLeadDays + longest,
    leadDrivers: longest > 0 ? drivers.filter((d) => d.days === longest) : [],
    productionHours: cleanFloat(hours * quantity),
    bom: bomLines(bom),
  };
}

/** Adds components, `factor` times each, to the BOM tally (one line per SKU, first name wins). */
function addComponents(bom: BomTally, components: Component[] | undefined, factor: number): void {
  if (!components) return;
  for (const c of components) {
    const line = bom.get(c.sku);
    if (line) line.quantity += c.quantity * factor;
    else bom.set(c.sku, { sku: c.sku, name: c.name, quantity: c.quantity * factor });
  }
}

/** The BOM lines of a tally, in first-use order, with float noise removed from the quantities. */
function bomLines(bom: BomTally): BomLine[] {
  const lines: BomLine[] = [];
  for (const { sku, name, quantity } of bom.values()) {
    lines.push(name !== undefined ? { sku, name, quantity: cleanFloat(quantity) } : { sku, quantity: cleanFloat(quantity) });
  }
  return lines;
}
