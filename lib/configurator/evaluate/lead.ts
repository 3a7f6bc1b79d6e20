import { chosenIndexes, plural, type Compiled } from "./compile";
import { isFilledText, type State } from "./conditions";
import { cleanFloat } from "./rounding";
import type { Component } from "../definition/schema";
import { formulaProblem } from "./pricing";
import type { BomLine, LeadDriver, OperationHours, Problem } from "./types";

// Lead time, production hours per routing operation and bill of materials for one effective state.
// Materials are ordered in parallel, just in time, so lead days = base + the single largest option,
// per-unit, rule or component supply time, while production hours add up on the operation they belong to.

export type Fulfilment = {
  leadDays: number;
  leadDrivers: LeadDriver[];
  productionHours: number;
  operations: OperationHours[];
  bom: BomLine[];
  /** Hour formulas that could not be computed (their operation gets no formula hours). */
  problems: Problem[];
};

type BomEntry = { sku: string; name: string | undefined; unit: string | undefined; quantity: number; supplyDays: number | undefined };
type BomTally = Map<string, BomEntry>;

/** Computes lead days (and what drives them), hours per operation and the BOM, all for `quantity` units. */
export function fulfilment(compiled: Compiled, state: State, quantity: number): Fulfilment {
  const { definition } = compiled;
  const routing = definition.routing;
  const drivers: LeadDriver[] = [];
  // Per-unit hours of each operation, in routing order.
  const unitHours: number[] = new Array<number>(routing.length);
  for (let i = 0; i < routing.length; i++) unitHours[i] = routing[i]!.hours;
  const bom: BomTally = new Map();
  const problems: Problem[] = [];
  const formulas = compiled.pricing.operationHours;
  for (let i = 0; i < formulas.length; i++) {
    const formula = formulas[i];
    if (!formula) continue;
    const outcome = formula({ state, quantity });
    if (!outcome.ok) problems.push(formulaProblem(compiled, `The hours of ${routing[i]!.label}`, outcome, "computed"));
    else if (outcome.value < 0) problems.push({ code: "price", message: `The hours of ${routing[i]!.label} cannot be computed: the formula gives ${outcome.value}` });
    else unitHours[i] = unitHours[i]! + outcome.value;
  }

  for (const entry of compiled.groups) {
    const { gi, group } = entry;
    const value = state[gi];
    if (value === undefined) continue;
    if (group.type === "single" || group.type === "multi") {
      for (const oi of chosenIndexes(entry, value as string | Set<string>)) {
        const option = group.options[oi]!;
        const op = entry.optionOps[oi]!;
        unitHours[op] = unitHours[op]! + option.productionHours;
        addComponents(bom, option.components, quantity, compiled, state);
        if (option.leadDays > 0) drivers.push({ kind: "option", group: group.id, option: option.id, days: option.leadDays, message: entry.leadMessages[oi]! });
      }
    } else if (group.type === "number") {
      const n = value as number;
      unitHours[entry.groupOp] = unitHours[entry.groupOp]! + n * group.productionHoursPerUnit;
      addComponents(bom, group.components, n * quantity, compiled, state);
      const days = Math.ceil(cleanFloat(n * (group.leadDaysPerUnit ?? 0)));
      if (days > 0) drivers.push({ kind: "unit", group: group.id, days, message: `${group.label} of ${n} ${group.unit} adds ${plural(days, "day")}` });
    } else if (isFilledText(value)) {
      unitHours[entry.groupOp] = unitHours[entry.groupOp]! + (group.productionHours ?? 0);
      addComponents(bom, group.components, quantity, compiled, state);
      const days = group.leadDays ?? 0;
      if (days > 0) drivers.push({ kind: "text", group: group.id, days, message: `${group.label} adds ${plural(days, "day")}` });
    }
  }
  for (const { compiled: rule, rule: leadRule, op } of compiled.leadRules) {
    if (!rule.when(state)) continue;
    unitHours[op] = unitHours[op]! + (leadRule.productionHours ?? 0);
    const days = leadRule.leadDays ?? 0;
    if (days > 0) drivers.push({ kind: "rule", ruleId: leadRule.id, days, message: `${leadRule.message} (${plural(days, "day")})` });
  }

  let longest = 0;
  for (const driver of drivers) if (driver.days > longest) longest = driver.days;
  // Components the configuration consumes (a quantity above 0) wait for their supplier.
  for (const line of bom.values()) if (line.quantity > 0 && line.supplyDays !== undefined && line.supplyDays > longest) longest = line.supplyDays;
  const leadDrivers = longest > 0 ? drivers.filter((d) => d.days === longest) : [];
  if (longest > 0) {
    for (const line of bom.values()) {
      if (line.quantity > 0 && line.supplyDays === longest) leadDrivers.push({ kind: "component", sku: line.sku, days: longest, message: supplyMessage(line) });
    }
  }

  const operations: OperationHours[] = new Array<OperationHours>(routing.length);
  let total = 0;
  for (let i = 0; i < routing.length; i++) {
    const operation = routing[i]!;
    const hours = cleanFloat(unitHours[i]! * quantity + (operation.setupHours ?? 0));
    total += hours;
    operations[i] = { key: operation.id, label: operation.label, workCentre: operation.workCentre, hours };
  }
  return {
    leadDays: definition.baseLeadDays + longest,
    leadDrivers,
    productionHours: cleanFloat(total),
    operations,
    bom: bomLines(bom),
    problems,
  };
}

/** "Oak board (SKU OAK-20) takes 12 days to arrive", or "SKU OAK-20 takes..." for a component without a name. */
function supplyMessage(line: BomEntry): string {
  const what = line.name !== undefined ? `${line.name} (SKU ${line.sku})` : `SKU ${line.sku}`;
  return `${what} takes ${plural(line.supplyDays!, "day")} to arrive`;
}

/**
 * Adds components, `factor` times each, to the BOM tally (one line per SKU, first name and unit win, largest
 * supply days); a component with a condition counts only when it holds.
 */
function addComponents(bom: BomTally, components: Component[] | undefined, factor: number, compiled: Compiled, state: State): void {
  if (!components) return;
  for (const c of components) {
    if (c.when && !compiled.componentWhen.get(c)?.(state)) continue;
    const line = bom.get(c.sku);
    if (line) {
      line.quantity += c.quantity * factor;
      if (c.supplyDays !== undefined && (line.supplyDays === undefined || c.supplyDays > line.supplyDays)) line.supplyDays = c.supplyDays;
      if (line.name === undefined && c.name !== undefined) line.name = c.name;
      if (line.unit === undefined && c.unit !== undefined) line.unit = c.unit;
    } else bom.set(c.sku, { sku: c.sku, name: c.name, unit: c.unit, quantity: c.quantity * factor, supplyDays: c.supplyDays });
  }
}

/** The BOM lines of a tally, in first-use order, with float noise removed from the quantities. */
function bomLines(bom: BomTally): BomLine[] {
  const lines: BomLine[] = [];
  for (const { sku, name, unit, quantity, supplyDays } of bom.values()) {
    const line: BomLine = name !== undefined ? { sku, name, quantity: cleanFloat(quantity) } : { sku, quantity: cleanFloat(quantity) };
    if (unit !== undefined) line.unit = unit;
    if (supplyDays !== undefined) line.supplyDays = supplyDays;
    lines.push(line);
  }
  return lines;
}
