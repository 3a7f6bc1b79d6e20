import { optionStates } from "./availability";
import { getCompiled } from "./compile";
import { fulfilment } from "./lead";
import { priceBreakdown } from "./pricing";
import { scanProblems } from "./problems";
import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { MAX_QUANTITY } from "../definition/selection-types";
import { Scenarios } from "./scenarios";
import { readSelection, resolveVisibility } from "./state";
import type { EvaluateOptions, EvaluateResult, Problem } from "./types";

export { MAX_QUANTITY };

/** Evaluates a selection against a parsed definition: validity, reasons, availability, price, lead time and BOM. */
export function evaluate(definition: Definition, selection: Selection, options: EvaluateOptions = {}): EvaluateResult {
  const compiled = getCompiled(definition);
  const { raw, problems: readProblems } = readSelection(compiled, selection);
  const resolution = resolveVisibility(compiled, raw, false);
  const scan = scanProblems(compiled, raw, resolution);
  const problems: Problem[] = [...readProblems, ...scan.problems];

  let quantity = options.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    problems.push({ code: "range", message: `Quantity must be a whole number from 1 to ${MAX_QUANTITY}` });
    quantity = Number.isFinite(quantity) ? Math.min(MAX_QUANTITY, Math.max(1, Math.round(quantity))) : 1;
  }

  const scenarios = new Scenarios(compiled, raw, resolution, scan.violated);
  const visibleGroups: string[] = [];
  const hiddenOptions: Record<string, string[]> = {};
  for (const { gi, group } of compiled.groups) {
    if (resolution.hiddenGroup[gi]) continue;
    visibleGroups.push(group.id);
    const hidden = resolution.hiddenOptions[gi];
    if (hidden && hidden.size > 0) hiddenOptions[group.id] = [...hidden.keys()];
  }
  const breakdown = priceBreakdown(compiled, resolution.eff, quantity);
  const { leadDays, leadDrivers, productionHours, operations, bom, problems: hourProblems } = fulfilment(compiled, resolution.eff, quantity);
  addFormulaProblems(problems, breakdown.problems);
  addFormulaProblems(problems, hourProblems);
  return {
    valid: problems.length === 0,
    problems,
    options: optionStates(scenarios, options.infer ?? true),
    visibleGroups,
    hiddenOptions,
    ranges: scan.ranges,
    breakdown: { lines: breakdown.lines, totalCents: breakdown.totalCents },
    unitPriceCents: breakdown.unitPriceCents,
    totalCents: breakdown.totalCents,
    quantity,
    leadDays,
    leadDrivers,
    productionHours,
    operations,
    bom,
  };
}

/**
 * Adds the problems of formulas and tables that could not be computed, except "enter Width" when the
 * selection's own problems already name that group (a required group left empty says so once).
 */
function addFormulaProblems(problems: Problem[], found: Problem[]): void {
  if (found.length === 0) return;
  const named = new Set<string>();
  for (const p of problems) if (p.group !== undefined && p.code !== "price") named.add(p.group);
  for (const p of found) {
    if (p.group !== undefined && named.has(p.group)) continue;
    if (problems.some((q) => q.code === "price" && q.message === p.message)) continue;
    problems.push(p);
  }
}
