import type { Definition, EvaluateResult, Selection } from "@/lib/configurator";
import { configurationHash } from "./hash";

export type SnapshotChoice = {
  group: string;
  groupLabel: string;
  option: string | null;
  label: string;
  value: string | null;
  unit: string | null;
  priceCents: number;
};

/** What an order keeps forever, whatever happens to the product afterwards. */
export type OrderSnapshot = {
  product: { id: string; slug: string; name: string; version: number; versionId: string };
  selection: Selection;
  quantity: number;
  choices: SnapshotChoice[];
  breakdown: EvaluateResult["breakdown"];
  unitPriceCents: number;
  totalCents: number;
  currency: string;
  leadDays: number;
  leadDrivers: string[];
  productionHours: number;
  bom: EvaluateResult["bom"];
  promisedDate: string;
};

/** Lists every chosen option or value with its label and its own price line, for the snapshot and option rows. */
export function describeChoices(definition: Definition, selection: Selection, evaluation: EvaluateResult): SnapshotChoice[] {
  const lineFor = (group: string, option?: string) =>
    evaluation.breakdown.lines
      .filter((l) => l.group === group && (option === undefined || l.option === option) && l.kind !== "rule")
      .reduce((sum, l) => sum + l.amountCents, 0);
  const choices: SnapshotChoice[] = [];
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

/** The snapshot an order keeps, its choices (one option row each) and the hash of its configuration, as recorded when it is placed. */
export function buildSnapshot(order: {
  product: { id: string; slug: string; name: string; version: { id: string; version: number; definition: Definition } };
  selection: Selection;
  evaluation: EvaluateResult;
  currency: string;
  promisedDate: Date;
}) {
  const { product, selection, evaluation } = order;
  const choices = describeChoices(product.version.definition, selection, evaluation);
  const json: OrderSnapshot = {
    product: { id: product.id, slug: product.slug, name: product.name, version: product.version.version, versionId: product.version.id },
    selection,
    quantity: evaluation.quantity,
    choices,
    breakdown: evaluation.breakdown,
    unitPriceCents: evaluation.unitPriceCents,
    totalCents: evaluation.totalCents,
    currency: order.currency,
    leadDays: evaluation.leadDays,
    leadDrivers: evaluation.leadDrivers.map((d) => d.message),
    productionHours: evaluation.productionHours,
    bom: evaluation.bom,
    promisedDate: order.promisedDate.toISOString().slice(0, 10),
  };
  return { json, choices, configHash: configurationHash(product.version.id, selection, evaluation.quantity) };
}
