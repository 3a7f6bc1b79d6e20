import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import type { EvaluateResult } from "../evaluate/types";

/** One chosen option or value, with its labels and its own price line: what an order or a saved design keeps. */
export type ChoiceLine = {
  group: string;
  groupLabel: string;
  option: string | null;
  label: string;
  value: string | null;
  unit: string | null;
  priceCents: number;
};

/** Lists every chosen option or value with its label and its own price line (visible groups only). */
export function describeChoices(definition: Definition, selection: Selection, evaluation: EvaluateResult): ChoiceLine[] {
  const lineFor = (group: string, option?: string) =>
    evaluation.breakdown.lines
      .filter((l) => l.group === group && (option === undefined || l.option === option) && l.kind !== "rule")
      .reduce((sum, l) => sum + l.amountCents, 0);
  const choices: ChoiceLine[] = [];
  for (const group of definition.groups) {
    const value = selection[group.id];
    if (value === undefined || !evaluation.visibleGroups.includes(group.id)) continue;
    const base = { group: group.id, groupLabel: group.label };
    if (group.type === "single" || group.type === "multi") {
      const ids = Array.isArray(value) ? value : [String(value)];
      for (const id of ids) {
        const option = group.options.find((o) => o.id === id);
        if (option) choices.push({ ...base, option: id, label: option.label, value: null, unit: null, priceCents: lineFor(group.id, id) });
      }
    } else if (group.type === "number") {
      choices.push({ ...base, option: null, label: `${value} ${group.unit}`, value: String(value), unit: group.unit, priceCents: lineFor(group.id) });
    } else if (typeof value === "string" && value !== "") {
      choices.push({ ...base, option: null, label: value, value, unit: null, priceCents: lineFor(group.id) });
    }
  }
  return choices;
}
