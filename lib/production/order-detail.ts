import type { Prisma } from "@/lib/db/client";
import { expireHolds } from "@/lib/orders/holds";
import { orderNumberSchema } from "@/lib/orders/schema";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import type { OrderStatus } from "@/lib/orders/status";
import { componentNames, nameComponents } from "./component-names";

export type BuildSheet = {
  id: string;
  number: string;
  status: OrderStatus;
  version: number;
  quantity: number;
  notes: string;
  createdAt: Date;
  promisedDate: Date;
  leadDays: number;
  productionHours: number;
  totalCents: number;
  currency: string;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** AWAITING_APPROVAL only: when the approval hold ends. */
  holdUntil: Date | null;
  product: { name: string; slug: string; version: number };
  customer: { name: string; email: string };
  shippingAddress: Record<string, string>;
  options: { groupLabel: string; label: string; value: string | null; unit: string | null }[];
  /** Every component the order's choices consume, named (from its product version when the snapshot has no name). */
  bom: { sku: string; name?: string; unit?: string; quantity: number }[];
  leadDrivers: string[];
  job: { startedAt: Date; completedAt: Date | null } | null;
  /** At risk: late work was rolled forward past the promised date (./late-work.ts); staff may re-promise. */
  atRisk: boolean;
  /** The routing as planned and done: each operation's centre, hours, planned days and floor status. */
  operations: { seq: number; label: string; centre: string; hours: number; plannedStart: Date | null; plannedEnd: Date | null; status: "PENDING" | "RUNNING" | "DONE"; actualHours: number | null }[];
  events: { id: string; from: OrderStatus | null; to: OrderStatus; at: Date; note: string; actor: string | null }[];
};

/**
 * Everything the workshop needs to build and track one order, or null when there is no such order (or `number`
 * is not an order number). An approval hold that has run out is expired first (lazily, as well as on a timer).
 */
export async function getBuildSheet(db: Prisma, number: string): Promise<BuildSheet | null> {
  const sheet = await readBuildSheet(db, number);
  if (sheet?.status !== "AWAITING_APPROVAL" || !sheet.holdUntil || sheet.holdUntil > new Date()) return sheet;
  await expireHolds(db);
  return readBuildSheet(db, number);
}

async function readBuildSheet(db: Prisma, number: string): Promise<BuildSheet | null> {
  if (!orderNumberSchema.safeParse(number).success) return null;
  const order = await db.order.findUnique({
    where: { number },
    select: {
      id: true, number: true, status: true, version: true, quantity: true, notes: true, createdAt: true, promisedDate: true,
      leadDays: true, productionHours: true, totalCents: true, currency: true, carrier: true, trackingNumber: true,
      shippedAt: true, deliveredAt: true, cancelledAt: true, cancelReason: true, holdUntil: true, snapshot: true, shippingAddress: true,
      product: { select: { name: true, slug: true } },
      productVersionId: true,
      productVersion: { select: { version: true } },
      customer: { select: { name: true, email: true } },
      options: { select: { groupLabel: true, label: true, value: true, unit: true }, orderBy: { id: "asc" } },
      productionJob: { select: { startedAt: true, completedAt: true } },
      atRisk: true,
      operations: { select: { seq: true, label: true, hours: true, plannedStart: true, plannedEnd: true, status: true, actualHours: true, workCentre: { select: { name: true } } }, orderBy: { seq: "asc" } },
      events: { select: { id: true, fromStatus: true, toStatus: true, createdAt: true, note: true, actor: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return null;
  const snapshot = (order.snapshot ?? {}) as Partial<OrderSnapshot>;
  // The snapshot's choices keep the order in which the product lists its groups; rows are the fallback.
  const options = snapshot.choices?.length
    ? snapshot.choices.map((c) => ({ groupLabel: c.groupLabel, label: c.label, value: c.value, unit: c.unit }))
    : order.options;
  const address = typeof order.shippingAddress === "object" && order.shippingAddress && !Array.isArray(order.shippingAddress)
    ? Object.fromEntries(Object.entries(order.shippingAddress).filter(([, v]) => typeof v === "string") as [string, string][])
    : {};
  let bom = Array.isArray(snapshot.bom) ? snapshot.bom : [];
  if (bom.some((line) => !line.name || !line.unit)) {
    const version = await db.productVersion.findUnique({ where: { id: order.productVersionId }, select: { definition: true } });
    bom = nameComponents(bom, componentNames([version?.definition]));
  }
  const { productVersionId: _versionId, ...rest } = order;
  return {
    ...rest,
    product: { name: order.product.name, slug: order.product.slug, version: order.productVersion.version },
    shippingAddress: address,
    options,
    bom,
    leadDrivers: Array.isArray(snapshot.leadDrivers) ? snapshot.leadDrivers : [],
    job: order.productionJob,
    operations: order.operations.map(({ workCentre, ...o }) => ({ ...o, centre: workCentre.name })),
    events: order.events.map((e) => ({ id: e.id, from: e.fromStatus, to: e.toStatus, at: e.createdAt, note: e.note, actor: e.actor?.name ?? null })),
  };
}
