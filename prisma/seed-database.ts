import { writeAudit } from "@/lib/audit/write";
import { cheapestConfiguration } from "@/lib/catalog/from-price";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { recordOrder } from "@/lib/orders/place-order";
import { ORDER_STAGES, STATUS_LABELS, type OrderStatus } from "@/lib/orders/status";
import { DEFAULT_SETTINGS } from "@/lib/settings/queries";
import { hashPassword } from "@/lib/users/password";
import type { Role } from "@/lib/users/schema";
import { demoProducts } from "./demo-products";

export type DemoUser = { email: string; name: string; role: Role; password: string };

/** The demo accounts; passwords come from ATELIER_DEMO_PASSWORD_<ROLE> or the documented defaults. */
export function demoUsers(env: NodeJS.ProcessEnv = process.env): DemoUser[] {
  const pw = (role: Role, fallback: string) => env[`ATELIER_DEMO_PASSWORD_${role}`] || fallback;
  return [
    { email: "admin@atelier.test", name: "Ada Admin", role: "ADMIN", password: pw("ADMIN", "admin-demo-2026") },
    { email: "staff@atelier.test", name: "Sam Staff", role: "STAFF", password: pw("STAFF", "staff-demo-2026") },
    { email: "clara@example.com", name: "Clara Customer", role: "CUSTOMER", password: pw("CUSTOMER", "customer-demo-2026") },
    { email: "dev@example.com", name: "Dev Customer", role: "CUSTOMER", password: pw("CUSTOMER", "customer-demo-2026") },
  ];
}

export type SeedReport = { users: number; products: number; orders: number };

/** Fills an empty database with demo data; safe to run again (existing rows are kept as they are). */
export async function seedDatabase(db: Prisma, options: { orders?: boolean } = {}): Promise<SeedReport> {
  await db.settings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, ...DEFAULT_SETTINGS } });
  await seedWorkshop(db);
  const users = new Map<string, string>();
  let createdUsers = 0;
  for (const user of demoUsers()) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) {
      users.set(user.email, existing.id);
      continue;
    }
    const created = await db.user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
      select: { id: true },
    });
    users.set(user.email, created.id);
    createdUsers++;
  }
  const adminId = users.get("admin@atelier.test") ?? null;

  let createdProducts = 0;
  for (const [index, demo] of demoProducts.entries()) {
    if (await db.product.findUnique({ where: { slug: demo.slug }, select: { id: true } })) continue;
    const cheapest = cheapestConfiguration(demo.definition);
    await db.$transaction(async (tx) => {
      const product = await tx.product.create({
        data: { slug: demo.slug, name: demo.name, summary: demo.summary, description: demo.description, imageUrl: demo.image, sortOrder: index },
      });
      const version = await tx.productVersion.create({
        data: {
          productId: product.id,
          version: 1,
          status: "PUBLISHED",
          definition: demo.definition,
          fromPriceCents: cheapest?.totalCents ?? null,
          note: "Initial version",
          publishedAt: new Date(),
          publishedById: adminId,
        },
      });
      await tx.product.update({ where: { id: product.id }, data: { currentVersionId: version.id } });
      await writeAudit(tx, { actorId: adminId, action: "product.publish", entityType: "Product", entityId: product.id, summary: `Published ${demo.name} v1 (seed)`, changes: [{ field: "Current version", before: null, after: "v1" }] });
    });
    createdProducts++;
  }

  await dropUnusedWorkshop(db);

  let createdOrders = 0;
  if (options.orders !== false && (await db.order.count()) === 0) {
    const staffId = users.get("staff@atelier.test") ?? null;
    const customers = [users.get("clara@example.com"), users.get("dev@example.com")].filter((id): id is string => !!id);
    const plan: { slug: string; status: OrderStatus; daysAgo: number; variant: number; quantity?: number }[] = [
      { slug: "linden-sofa", status: "DELIVERED", daysAgo: 60, variant: 1 },
      { slug: "tempo-bicycle", status: "SHIPPED", daysAgo: 30, variant: 0 },
      { slug: "vela-roadster", status: "QUALITY_CHECK", daysAgo: 21, variant: 0 },
      { slug: "linden-sofa", status: "IN_PRODUCTION", daysAgo: 12, variant: 0 },
      { slug: "tempo-bicycle", status: "IN_PRODUCTION", daysAgo: 9, variant: 1 },
      { slug: "vela-roadster", status: "CONFIRMED", daysAgo: 4, variant: 1 },
      { slug: "linden-sofa", status: "PLACED", daysAgo: 1, variant: 2 },
      { slug: "tempo-bicycle", status: "PLACED", daysAgo: 0, variant: 2 },
      { slug: "tempo-bicycle", status: "CANCELLED", daysAgo: 15, variant: 0 },
      { slug: "linden-sofa", status: "READY_TO_SHIP", daysAgo: 25, variant: 0 },
      // A large order (three roadsters, 180 h) waiting for the workshop's approval (fair use): it books nothing yet.
      { slug: "vela-roadster", status: "AWAITING_APPROVAL", daysAgo: 1, variant: 0, quantity: 3 },
    ];
    for (const [i, entry] of plan.entries()) {
      const customerId = customers[i % customers.length];
      if (!customerId) break;
      await createDemoOrder(db, { ...entry, customerId, staffId });
      createdOrders++;
    }
  }
  return { users: createdUsers, products: createdProducts, orders: createdOrders };
}

/** The demo workshop's four work centres (people x 8 h on weekdays). */
export const DEMO_WORK_CENTRES = [
  { id: "frame", name: "Frame shop", weekdayHours: [16, 16, 16, 16, 16, 0, 0] },
  { id: "upholstery", name: "Upholstery", weekdayHours: [16, 16, 16, 16, 16, 0, 0] },
  { id: "paint", name: "Paint shop", weekdayHours: [8, 8, 8, 8, 8, 0, 0] },
  { id: "assembly", name: "Assembly", weekdayHours: [16, 16, 16, 16, 16, 0, 0] },
];

/** The winter closure: 24 December to 1 January, this year's or, once it is over, next year's. */
export function winterClosure(now = new Date()): { name: string; firstDay: Date; lastDay: Date } {
  const year = now.getUTCMonth() === 0 && now.getUTCDate() === 1 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  return { name: "Winter closure", firstDay: new Date(Date.UTC(year, 11, 24)), lastDay: new Date(Date.UTC(year + 1, 0, 1)) };
}

/**
 * The demo workshop: four work centres, the winter closure and the paint shop's maintenance day; the
 * "Workshop" centre the migration created for older data goes when nothing uses it.
 */
async function seedWorkshop(db: Prisma): Promise<void> {
  for (const [sortOrder, centre] of DEMO_WORK_CENTRES.entries()) {
    await db.workCentre.upsert({ where: { id: centre.id }, update: {}, create: { ...centre, sortOrder: sortOrder + 1 } });
  }
  if ((await db.shopClosure.count()) === 0) await db.shopClosure.create({ data: winterClosure() });
  const maintenance = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 10));
  if ((await db.calendarException.count()) === 0) {
    await db.calendarException.create({ data: { workCentreId: "paint", day: maintenance, hours: 0, note: "Spray booth maintenance" } });
  }
}

/** Deletes the migration's "Workshop" centre when no order and no product version (a routing, or none at all) uses it. */
async function dropUnusedWorkshop(db: Prisma): Promise<void> {
  const [row] = await db.$queryRaw<{ used: number }[]>`
    SELECT ((SELECT count(*) FROM "order_operations" WHERE "work_centre_id" = 'workshop')
      + (SELECT count(*) FROM "product_versions" WHERE NOT ("definition" ? 'routing') OR "definition" -> 'routing' @> '[{"workCentre": "workshop"}]'))::int AS "used"`;
  if (row?.used === 0) await db.workCentre.deleteMany({ where: { id: "workshop" } });
}

/** A valid selection for a demo order: the defaults, then the n-th alternative of each single group where valid. */
function demoSelection(definition: Definition, variant: number): Selection {
  const base = normalize(definition, {});
  if (!base.ok) throw new Error(`Demo definition has invalid defaults: ${base.errors.map((e) => e.message).join("; ")}`);
  let selection = base.selection;
  for (const group of definition.groups) {
    if (group.type !== "single" || variant === 0) continue;
    const option = group.options[variant % group.options.length];
    if (!option) continue;
    const candidate = normalize(definition, { ...selection, [group.id]: option.id });
    if (candidate.ok && evaluate(definition, candidate.selection).valid) selection = candidate.selection;
  }
  return selection;
}

const DAY = 86_400_000;

async function createDemoOrder(
  db: Prisma,
  input: { slug: string; status: OrderStatus; daysAgo: number; variant: number; quantity?: number; customerId: string; staffId: string | null },
) {
  const product = await db.product.findUniqueOrThrow({
    where: { slug: input.slug },
    select: { id: true, slug: true, name: true, currentVersion: { select: { id: true, version: true, definition: true } } },
  });
  const version = product.currentVersion;
  if (!version) throw new Error(`${input.slug} has no published version`);
  const definition = version.definition as unknown as Definition;
  const selection = demoSelection(definition, input.variant);
  const evaluation = evaluate(definition, selection, { quantity: input.quantity ?? 1 });
  if (!evaluation.valid) throw new Error(`Demo selection for ${input.slug} is invalid`);
  const placedAt = new Date(Date.now() - input.daysAgo * DAY);
  await db.$transaction(async (tx) => {
    const order = await recordOrder(tx, {
      customer: { id: input.customerId, name: "Demo customer", email: null },
      product: { id: product.id, slug: product.slug, name: product.name, version: { id: version.id, version: version.version, definition } },
      selection,
      evaluation,
      idempotencyKey: `seed-${input.slug}-${input.daysAgo}-${input.variant}`,
      shippingAddress: { name: "Demo customer", line1: "12 Market Street", line2: "", city: "Bristol", postalCode: "BS1 4DJ", country: "GB" },
      notes: "",
      placedAt,
    }, { lock: true, fairUse: input.status === "AWAITING_APPROVAL" });
    if (order.status !== "placed") throw new Error(`Demo order ${input.slug} not written: ${order.status}`);
    if (input.status === "AWAITING_APPROVAL") {
      if (!order.awaitingApproval) throw new Error(`Demo order ${input.slug} ×${input.quantity} was not held for approval`);
      return;
    }
    await walkTo(tx, order.id, placedAt, input.status, input.staffId);
  });
}

/** Moves a demo order along the production line to `target`, writing each event as staff would. */
async function walkTo(tx: Tx, orderId: string, placedAt: Date, target: OrderStatus, staffId: string | null) {
  if (target === "CANCELLED") {
    await tx.order.update({ where: { id: orderId }, data: { status: "CANCELLED", version: { increment: 1 }, cancelledAt: new Date(placedAt.getTime() + DAY), cancelReason: "Customer changed their mind" } });
    await tx.orderEvent.create({ data: { orderId, fromStatus: "PLACED", toStatus: "CANCELLED", actorId: staffId, note: "Customer changed their mind", createdAt: new Date(placedAt.getTime() + DAY) } });
    await auditSeedEvent(tx, orderId, "PLACED", "CANCELLED", staffId, new Date(placedAt.getTime() + DAY), "Customer changed their mind");
    await releaseCapacity(tx, orderId);
    return;
  }
  const stages = ORDER_STAGES.slice(1, ORDER_STAGES.indexOf(target) + 1);
  let from: OrderStatus = "PLACED";
  for (const [i, to] of stages.entries()) {
    const at = new Date(Math.min(Date.now(), placedAt.getTime() + (i + 1) * 2 * DAY));
    const shipping = to === "SHIPPED" ? { carrier: "DHL Freight", trackingNumber: "JD014600003828", shippedAt: at } : {};
    const delivered = to === "DELIVERED" ? { deliveredAt: at } : {};
    await tx.order.update({ where: { id: orderId }, data: { status: to, version: { increment: 1 }, ...shipping, ...delivered } });
    if (to === "IN_PRODUCTION") {
      await tx.productionJob.create({ data: { orderId, startedAt: at } });
      await tx.orderOperation.updateMany({ where: { orderId, seq: 0 }, data: { status: "RUNNING", startedAt: at, startedById: staffId } });
    }
    if (to === "QUALITY_CHECK") {
      await tx.productionJob.update({ where: { orderId }, data: { completedAt: at } });
      await releaseCapacity(tx, orderId, { after: at });
      await tx.orderOperation.updateMany({ where: { orderId }, data: { status: "DONE", finishedAt: at, finishedById: staffId } });
    }
    await tx.orderEvent.create({ data: { orderId, fromStatus: from, toStatus: to, actorId: staffId, createdAt: at } });
    await auditSeedEvent(tx, orderId, from, to, staffId, at);
    from = to;
  }
}

/** The audit entry staff's transition would have written (lib/orders/transition.ts), dated with the event. */
async function auditSeedEvent(tx: Tx, orderId: string, from: OrderStatus, to: OrderStatus, actorId: string | null, at: Date, reason = "") {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
  await writeAudit(tx, {
    actorId, action: to === "CANCELLED" ? "order.cancel" : "order.transition", entityType: "Order", entityId: orderId, at,
    summary: `${order.number}: ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`,
    data: { from, to, note: reason },
    changes: [{ field: "Status", before: STATUS_LABELS[from], after: STATUS_LABELS[to] }, ...(reason ? [{ field: "Cancel reason", before: null, after: reason }] : [])],
  });
}
