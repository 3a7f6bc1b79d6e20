// Helper for the fault drill: places orders on DATABASE_URL as fast as it can until it is killed.
import { randomUUID } from "node:crypto";
import { evaluate, normalize, type Definition } from "@/lib/configurator";
import { openDatabase } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { placeOrder } from "@/lib/orders/place-order";

async function main() {
  const { prisma: db } = await openDatabase(resolveDatabaseConfig());
  const customer = await db.user.findUniqueOrThrow({ where: { email: "dev@example.com" }, select: { id: true, name: true, email: true } });
  const product = await db.product.findUniqueOrThrow({ where: { slug: "linden-sofa" }, include: { currentVersion: true } });
  const definition = product.currentVersion!.definition as unknown as Definition;
  const n = normalize(definition, {});
  if (!n.ok) throw new Error("defaults invalid");
  const expected = { versionId: product.currentVersion!.id, totalCents: evaluate(definition, n.selection).totalCents };
  let placed = 0;
  const worker = async () => {
    for (;;) {
      await placeOrder(db, {
        customer, slug: "linden-sofa", selection: n.selection, quantity: 1, idempotencyKey: randomUUID(),
        shippingAddress: { name: "K", line1: "1 Road", line2: "", city: "Town", postalCode: "1000", country: "DE" }, notes: "", expected,
      });
      if (++placed === 10) console.log("loaded");
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

void main();
