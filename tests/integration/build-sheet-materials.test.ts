import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { placeOrder } from "@/lib/orders/place-order";
import { findMaterialsAhead, materialsCsv } from "@/lib/production/materials";
import { getBuildSheet } from "@/lib/production/order-detail";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// The configuration reaches the workshop intact: the build sheet lists every choice of an order and every
// component its choices consume, named; the materials plan (page and CSV) names each component, the fabric
// in its colour included, and lists everything a car consumes, not only its powertrain and wheels.

let t: TestDatabase;
const address = { name: "Clara Customer", line1: "1 Test Street", line2: "", city: "Bristol", postalCode: "BS1 4DJ", country: "GB" };

async function order(slug: string, changes: Selection): Promise<string> {
  const product = await t.prisma.product.findUniqueOrThrow({ where: { slug }, select: { currentVersion: { select: { id: true, definition: true } } } });
  const definition = product.currentVersion!.definition as Definition;
  const normalized = normalize(definition, changes);
  if (!normalized.ok) throw new Error(JSON.stringify(normalized.errors));
  const totalCents = evaluate(definition, normalized.selection).totalCents;
  const customer = await t.prisma.user.findUniqueOrThrow({ where: { email: "clara@example.com" }, select: { id: true, name: true, email: true } });
  const result = await placeOrder(t.prisma, {
    customer, slug, selection: normalized.selection, quantity: 1, idempotencyKey: randomUUID(), shippingAddress: address, notes: "",
    expected: { versionId: product.currentVersion!.id, totalCents },
  });
  if (!result.ok) throw new Error(result.message);
  return result.number;
}

let sofa: string;
let car: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma, { orders: false });
  sofa = await order("linden-sofa", { material: "wool", "fabric-color": "terracotta", width: 230, legs: "brass", extras: ["bolsters", "stain-guard"] });
  car = await order("vela-roadster", { powertrain: "long-range", paint: "rosso", wheels: "sport-19", interior: "oyster", packages: ["comfort", "winter"], monogram: "CLARA" });
}, 120_000);
afterAll(() => t.drop());

describe("build sheet", () => {
  it("lists every choice of the order, in the product's order", async () => {
    const sheet = await getBuildSheet(t.prisma, sofa);
    expect(sheet?.options.map((o) => `${o.groupLabel}: ${o.value !== null && o.unit ? `${o.value} ${o.unit}` : o.label}`)).toEqual([
      "Upholstery: Wool boucle",
      "Fabric colour: Terracotta",
      "Width: 230 cm",
      "Legs: Brass sled",
      "Extras: Pair of bolster cushions",
      "Extras: Stain guard treatment",
    ]);
    const carSheet = await getBuildSheet(t.prisma, car);
    expect(carSheet?.options.map((o) => o.groupLabel)).toEqual(["Powertrain", "Paint", "Wheels", "Packages", "Packages", "Interior", "Sill plate engraving"]);
    expect(carSheet?.options.at(-1)?.label).toBe("CLARA");
  });

  it("lists every component the choices consume, each with a name and a unit", async () => {
    const sheet = await getBuildSheet(t.prisma, sofa);
    expect(sheet?.bom).toEqual([
      { sku: "LIN-FR-INTERLINER", name: "Fire-retardant interliner", unit: "m", quantity: 9 },
      { sku: "FAB-WOOL-TERRACOTTA", name: "Wool boucle fabric, terracotta", unit: "m", quantity: 9 },
      { sku: "FRAME-BEECH", name: "Kiln-dried beech frame rail", unit: "cm", quantity: 230, supplyDays: 3 },
      { sku: "LEG-BRASS-SLED", name: "Brass sled base", unit: "pcs", quantity: 2 },
      { sku: "CUSH-BOLSTER", name: "Bolster cushion, covered to match", unit: "pcs", quantity: 2 },
      { sku: "CHEM-STAIN-GUARD", name: "Stain guard spray, fluorine-free", unit: "l", quantity: 0.5 },
    ]);
  });

  it("names the components of an order placed before its product named them", async () => {
    const row = await t.prisma.order.findUniqueOrThrow({ where: { number: sofa }, select: { id: true, snapshot: true } });
    const snapshot = row.snapshot as { bom: { sku: string; quantity: number }[] };
    await t.prisma.order.update({ where: { id: row.id }, data: { snapshot: { ...snapshot, bom: snapshot.bom.map(({ sku, quantity }) => ({ sku, quantity })) } } });
    const sheet = await getBuildSheet(t.prisma, sofa);
    expect(sheet?.bom.find((l) => l.sku === "FAB-WOOL-TERRACOTTA")).toEqual({ sku: "FAB-WOOL-TERRACOTTA", name: "Wool boucle fabric, terracotta", unit: "m", quantity: 9 });
    await t.prisma.order.update({ where: { id: row.id }, data: { snapshot: row.snapshot as object } });
  });
});

describe("materials plan", () => {
  it("names every component (never by its SKU), with the fabric in its colour and the car's full list", async () => {
    const weeks = await findMaterialsAhead(t.prisma);
    const lines = weeks.flatMap((w) => w.lines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.name, line.sku).not.toBe("");
      expect(line.name).not.toBe(line.sku);
      expect(line.unit, line.sku).not.toBe("");
    }
    const carParts = lines.filter((l) => l.orders.includes(car)).map((l) => l.name);
    expect(carParts).toEqual(expect.arrayContaining([
      "Battery pack 82 kWh", "Rear drive unit, 200 kW", "Rosso three-coat paint", "19-inch sport wheel with tyre",
      "Comfort kit: seat heaters, heated wheel, two-zone climate", "Heat pump and winter wheel set",
      "Seat and door trim set, oyster leather", "Stainless sill plate blank, for engraving",
    ]));
    expect(carParts).toHaveLength(8);

    const csv = materialsCsv(weeks);
    expect(csv.split("\r\n")[0]).toBe("week,week_start,sku,component,quantity,unit,supply_days,order_by,orders");
    for (const line of lines) expect(csv).not.toContain(`,${line.sku},${line.sku},`);
    expect(csv).toContain(`,FAB-WOOL-TERRACOTTA,"Wool boucle fabric, terracotta",9,m,`);
    expect(csv).toContain(`,PNT-CAR-ROSSO,Rosso three-coat paint,16,l,`);
  });
});
