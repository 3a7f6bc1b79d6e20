import { randomUUID } from "node:crypto";
import { evaluate, type Definition, type Selection } from "@/lib/configurator";
import { placeOrder } from "@/lib/orders/place-order";
import { transitionOrder } from "@/lib/orders/transition";
import { seedDatabase } from "@/prisma/seed-database";
import type { TestDatabase } from "./test-db";

// The seeded shop as the change-order tests (change-orders, change-onto-new-version) use it: the seeded
// customer, staff member and admin, and the Linden sofa's current version; orders placed and moved along.

export type ShopPeople = { customer: { id: string; name: string; email: string }; staff: { id: string; role: "STAFF" }; admin: { id: string } };
export type SofaVersion = { id: string; definition: Definition };

const ADDRESS = { name: "C", line1: "1 Street", line2: "", city: "Town", postalCode: "1000", country: "BE" };

/** Seeds the shop without orders and returns its people and the sofa; the customer's open-hours cap is raised (many orders of one customer: the cap is tested on its own). */
export async function seedChangeOrderShop(t: TestDatabase): Promise<ShopPeople & { sofa: SofaVersion & { productId: string } }> {
  await seedDatabase(t.prisma, { orders: false });
  const customer = await t.prisma.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  const staff = { id: (await t.prisma.user.findUniqueOrThrow({ where: { email: "staff@atelier.test" } })).id, role: "STAFF" as const };
  const admin = await t.prisma.user.findUniqueOrThrow({ where: { email: "admin@atelier.test" }, select: { id: true } });
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, include: { currentVersion: true } });
  await t.prisma.settings.update({ where: { id: 1 }, data: { customerOpenHoursCap: 100_000 } });
  return { customer, staff, admin, sofa: { productId: product.id, id: product.currentVersion!.id, definition: product.currentVersion!.definition as unknown as Definition } };
}

/** A linden sofa in `selection` on `version` (the current one), placed through placeOrder and moved to `status` through the state machine. */
export async function placeSofa(t: TestDatabase, people: ShopPeople, version: SofaVersion, selection: Selection, status: "PLACED" | "CONFIRMED" | "IN_PRODUCTION") {
  const placed = await placeOrder(t.prisma, {
    customer: people.customer, slug: "linden-sofa", selection, quantity: 1, idempotencyKey: randomUUID(), shippingAddress: ADDRESS, notes: "",
    expected: { versionId: version.id, totalCents: evaluate(version.definition, selection, { quantity: 1 }).totalCents },
  });
  if (!placed.ok) throw new Error(placed.message);
  const path = ["PLACED", "CONFIRMED", "IN_PRODUCTION"] as const;
  for (let i = 1; i <= path.indexOf(status); i++) {
    const moved = await transitionOrder(t.prisma, { orderNumber: placed.number, to: path[i]!, expectedStatus: path[i - 1]!, actor: people.staff });
    if (!moved.ok) throw new Error(moved.message);
  }
  return t.prisma.order.findUniqueOrThrow({ where: { number: placed.number } });
}
