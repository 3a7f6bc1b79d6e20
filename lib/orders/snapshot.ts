import { describeChoices, type ChoiceLine, type Definition, type EvaluateResult, type Selection } from "@/lib/configurator";
import { configurationHash } from "./hash";

/** One chosen option or value with its labels and price line (lib/configurator's ChoiceLine). */
export type SnapshotChoice = ChoiceLine;

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

export { describeChoices };

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
