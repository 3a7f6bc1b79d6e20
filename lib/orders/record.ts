import type { Definition, EvaluateResult, Selection } from "@/lib/configurator";
import type { Tx } from "@/lib/db/types";
import { bookCapacity } from "@/lib/production/capacity";
import type { ShopSettings } from "@/lib/settings/queries";
import { nextOrderNumber } from "./number";
import type { ShippingAddress } from "./schema";
import { configurationHash } from "./hash";
import { describeChoices, type OrderSnapshot } from "./snapshot";

export type NewOrder = {
  customerId: string;
  product: { id: string; slug: string; name: string };
  version: { id: string; version: number };
  definition: Definition;
  /** Normalized selection, already evaluated valid. */
  selection: Selection;
  evaluation: EvaluateResult;
  idempotencyKey: string;
  shippingAddress: ShippingAddress;
  notes: string;
  settings: ShopSettings;
  placedAt: Date;
};

/**
 * Writes a placed order inside the caller's transaction: human number, the order with its immutable
 * snapshot, its capacity booking (atomic per week), one row per chosen option, and the PLACED event.
 * The idempotency key is inserted first, so a duplicate submission fails before booking anything.
 */
export async function insertOrder(tx: Tx, input: NewOrder) {
  const { evaluation, selection, version, product, settings } = input;
  const number = await nextOrderNumber(tx, input.placedAt);
  const order = await tx.order.create({
    data: {
      number,
      customerId: input.customerId,
      productId: product.id,
      productVersionId: version.id,
      quantity: evaluation.quantity,
      selection,
      snapshot: {},
      configHash: configurationHash(version.id, selection, evaluation.quantity),
      currency: settings.currency,
      unitPriceCents: evaluation.unitPriceCents,
      totalCents: evaluation.totalCents,
      leadDays: evaluation.leadDays,
      productionHours: evaluation.productionHours,
      promisedDate: input.placedAt,
      shippingAddress: input.shippingAddress,
      notes: input.notes,
      idempotencyKey: input.idempotencyKey,
      createdAt: input.placedAt,
    },
    select: { id: true, number: true },
  });
  const plan = await bookCapacity(tx, {
    orderId: order.id,
    today: input.placedAt,
    leadDays: evaluation.leadDays,
    productionHours: evaluation.productionHours,
    settings,
  });
  const choices = describeChoices(input.definition, selection, evaluation);
  const snapshot: OrderSnapshot = {
    product: { ...product, version: version.version, versionId: version.id },
    selection,
    quantity: evaluation.quantity,
    choices,
    breakdown: evaluation.breakdown,
    unitPriceCents: evaluation.unitPriceCents,
    totalCents: evaluation.totalCents,
    currency: settings.currency,
    leadDays: evaluation.leadDays,
    leadDrivers: evaluation.leadDrivers.map((d) => d.message),
    productionHours: evaluation.productionHours,
    bom: evaluation.bom,
    promisedDate: plan.promisedDate.toISOString().slice(0, 10),
  };
  await tx.order.update({ where: { id: order.id }, data: { snapshot, promisedDate: plan.promisedDate } });
  await tx.orderOption.createMany({
    data: choices.map((c) => ({
      orderId: order.id, groupId: c.group, groupLabel: c.groupLabel, optionId: c.option,
      label: c.label, value: c.value, unit: c.unit, priceCents: c.priceCents,
    })),
  });
  await tx.orderEvent.create({ data: { orderId: order.id, toStatus: "PLACED", actorId: input.customerId, createdAt: input.placedAt } });
  return { ...order, promisedDate: plan.promisedDate, snapshot };
}
