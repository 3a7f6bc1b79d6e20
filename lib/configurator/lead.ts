import type { Compiled } from "./compile";
import { isFilledText, type State } from "./conditions";
import { cleanFloat } from "./rounding";
import type { Component } from "./schema";
import type { BomLine, LeadDriver } from "./types";

// Lead time, production hours and bill of materials for one effective state.
// Materials are ordered in parallel, just in time, so lead days = base + the single largest
// option/rule lead time, while production hours add up.

export type Fulfilment = { leadDays: number; leadDrivers: LeadDriver[]; productionHours: number; bom: BomLine[] };

/** Computes lead days (and what drives them), production hours and the BOM, all for `quantity` units. */
export function fulfilment(compiled: Compiled, state: State, quantity: number): Fulfilment {
  const { definition } = compiled;
  const drivers: LeadDriver[] = [];
  let hours = definition.baseProductionHours;
  const bom = new Map<string, BomLine>();
  const addComponents = (components: Component[] | undefined, factor: number) => {
    for (const c of components ?? []) {
      const line = bom.get(c.sku);
      if (line) line.quantity += c.quantity * factor;
      else bom.set(c.sku, { sku: c.sku, ...(c.name !== undefined ? { name: c.name } : {}), quantity: c.quantity * factor });
    }
  };

  for (const { gi, group } of compiled.groups) {
    const value = state[gi];
    if (value === undefined) continue;
    if (group.type === "single" || group.type === "multi") {
      for (const option of group.options) {
        const chosen = group.type === "single" ? value === option.id : (value as Set<string>).has(option.id);
        if (!chosen) continue;
        hours += option.productionHours;
        addComponents(option.components, quantity);
        if (option.leadDays > 0) {
          drivers.push({ kind: "option", group: group.id, option: option.id, days: option.leadDays, message: `${option.label} adds ${plural(option.leadDays, "day")} of supply` });
        }
      }
    } else if (group.type === "number") {
      const n = value as number;
      hours += n * group.productionHoursPerUnit;
      addComponents(group.components, n * quantity);
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

  const longest = drivers.reduce((max, d) => Math.max(max, d.days), 0);
  return {
    leadDays: definition.baseLeadDays + longest,
    leadDrivers: longest > 0 ? drivers.filter((d) => d.days === longest) : [],
    productionHours: cleanFloat(hours * quantity),
    bom: [...bom.values()].map((line) => ({ ...line, quantity: cleanFloat(line.quantity) })),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
