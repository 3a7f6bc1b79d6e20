import { randomUUID } from "node:crypto";
import { releaseCapacity } from "@/lib/delivery/capacity";
import { placeOrder, type PlaceOrderInput } from "@/lib/orders/place-order";
import { ORDER_STAGES, type OrderStatus } from "@/lib/orders/status";
import type { TestDatabase } from "./test-db";

// The one order fixture of the integration tests: orders are placed through placeOrder, the path the
// checkout's server action takes (booking, snapshot, event, email, audit), or placed and then put straight into a
// status.

type Customer = PlaceOrderInput["customer"];

const address = { name: "Test Customer", line1: "1 Test Street", line2: "", city: "Bristol", postalCode: "BS1 4DJ", country: "GB" };

const products = new WeakMap<TestDatabase, Map<number, Promise<{ slug: string; versionId: string }>>>();

/** A published product whose every order takes `hours` of production and costs 10.00 (created once per database). */
function productTaking(t: TestDatabase, hours: number): Promise<{ slug: string; versionId: string }> {
  let byHours = products.get(t);
  if (!byHours) products.set(t, (byHours = new Map()));
  let product = byHours.get(hours);
  if (!product) byHours.set(hours, (product = createProduct(t, hours)));
  return product;
}

async function createProduct(t: TestDatabase, hours: number): Promise<{ slug: string; versionId: string }> {
  const slug = `fixture-${String(hours).replace(".", "-")}h`;
  const definition = { basePriceCents: 1000, baseLeadDays: 0, baseProductionHours: hours, premiumPercent: 0, groups: [], rules: [] };
  const product = await t.prisma.product.create({ data: { slug, name: `Fixture (${hours} h)` } });
  const version = await t.prisma.productVersion.create({
    data: { productId: product.id, version: 1, status: "PUBLISHED", definition, publishedAt: new Date() },
  });
  await t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: version.id } });
  return { slug, versionId: version.id };
}

/** Places an order of `hours` production hours for `customer`, placed at `now`; returns its row. */
export async function placeTestOrder(t: TestDatabase, options: { customer: Customer; hours: number; now: Date }) {
  const { slug, versionId } = await productTaking(t, options.hours);
  const result = await placeOrder(t.prisma, {
    customer: options.customer, slug, selection: {}, quantity: 1, idempotencyKey: randomUUID(),
    shippingAddress: address, notes: "", expected: { versionId, totalCents: 1000 }, now: options.now,
  });
  if (!result.ok) throw new Error(`fixture order refused: ${result.message}`);
  return t.prisma.order.findUniqueOrThrow({ where: { number: result.number }, include: { bookings: { orderBy: { day: "asc" } }, operations: { orderBy: { seq: "asc" } } } });
}

/**
 * An order placed through placeOrder (see placeTestOrder), then put straight into `status` (the status set
 * directly, with its production job when production has started, finished at `now` when it is past production,
 * and the hours after that day given back): for tests of what happens from a given status on, without the
 * events of getting there.
 */
export async function createTestOrder(t: TestDatabase, options: { customer: Customer; status: OrderStatus; hours: number; now: Date }) {
  const order = await placeTestOrder(t, options);
  if (options.status !== "PLACED") {
    const started = ORDER_STAGES.indexOf(options.status) >= ORDER_STAGES.indexOf("IN_PRODUCTION");
    await t.prisma.$transaction(async (tx) => {
      if (started) {
        await tx.order.update({ where: { id: order.id }, data: { status: "CONFIRMED" } });
        const finished = ORDER_STAGES.indexOf(options.status) > ORDER_STAGES.indexOf("IN_PRODUCTION");
        await tx.productionJob.create({ data: { orderId: order.id, ...(finished ? { completedAt: options.now } : {}) } });
        // Production finished: the hours booked after that day were given back, as a transition would.
        if (finished) {
          await releaseCapacity(tx, order.id, { after: options.now });
          await tx.orderOperation.updateMany({ where: { orderId: order.id }, data: { status: "DONE", finishedAt: options.now } });
        } else {
          await tx.orderOperation.updateMany({ where: { orderId: order.id, seq: 0 }, data: { status: "RUNNING", startedAt: options.now } });
        }
      }
      await tx.order.update({ where: { id: order.id }, data: { status: options.status } });
    });
  }
  return { id: order.id, number: order.number };
}
