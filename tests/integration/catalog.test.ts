import { readWorkshopCalendar } from "@/lib/workshop/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDeliveryContext } from "@/lib/delivery/context";
import { findCatalog, getPublishedProduct } from "@/lib/catalog/queries";
import { evaluate, normalize } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { seedDatabase } from "@/prisma/seed-database";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
});
afterAll(() => t.drop());

/** The active work centres, as the cached catalog reads them. */
const centres = async () => (await readWorkshopCalendar(t.prisma, new Date())).centres;

describe("catalog reads", () => {
  it("lists every published product with a from-price no higher than its default configuration", async () => {
    const catalog = await findCatalog(t.prisma, 5, await centres());
    expect(catalog.map((p) => p.slug).sort()).toEqual(demoProducts.map((p) => p.slug).sort());
    for (const entry of catalog) {
      const definition = demoProducts.find((p) => p.slug === entry.slug)!.definition;
      const defaults = normalize(definition, {});
      if (!defaults.ok) throw new Error("defaults must normalize");
      expect(entry.fromPriceCents).not.toBeNull();
      expect(entry.fromPriceCents!).toBeLessThanOrEqual(evaluate(definition, defaults.selection).totalCents);
      expect(entry.deliveryWeeks!.min).toBeGreaterThanOrEqual(1);
    }
  });

  it("returns a published product with its parsed definition", async () => {
    const product = await getPublishedProduct(t.prisma, "linden-sofa");
    expect(product).toMatchObject({ slug: "linden-sofa", name: "Linden sofa", version: { version: expect.any(Number) } });
    expect(product!.version.definition.groups.map((g) => g.id)).toContain("width");
    expect(await getPublishedProduct(t.prisma, "no-such-product")).toBeNull();
  });

  it("hides a product without a published version from the catalog and its page", async () => {
    const draftOnly = await t.prisma.product.create({ data: { slug: "draft-chair", name: "Draft chair", summary: "Not yet" } });
    await t.prisma.productVersion.create({
      data: { productId: draftOnly.id, version: 1, status: "DRAFT", definition: demoProducts[0]!.definition as object },
    });
    expect((await findCatalog(t.prisma, 5, await centres())).some((p) => p.slug === "draft-chair")).toBe(false);
    expect(await getPublishedProduct(t.prisma, "draft-chair")).toBeNull();
  });

  it("shows a newly published version on the next read", async () => {
    const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, include: { currentVersion: true } });
    const definition = { ...(product.currentVersion!.definition as object), basePriceCents: 99_900 };
    const next = await t.prisma.productVersion.create({
      data: { productId: product.id, version: product.currentVersion!.version + 1, status: "PUBLISHED", definition, publishedAt: new Date() },
    });
    await t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: next.id } });
    const read = await getPublishedProduct(t.prisma, "tempo-bicycle");
    expect(read!.version).toMatchObject({ id: next.id, version: next.version });
    expect(read!.version.definition.basePriceCents).toBe(99_900);
  });

  it("skips a product whose stored definition no longer validates", async () => {
    const bad = await t.prisma.product.create({ data: { slug: "broken-lamp", name: "Broken lamp" } });
    const version = await t.prisma.productVersion.create({
      data: { productId: bad.id, version: 1, status: "PUBLISHED", definition: { groups: "nope" } },
    });
    await t.prisma.product.update({ where: { id: bad.id }, data: { currentVersionId: version.id } });
    expect(await getPublishedProduct(t.prisma, "broken-lamp")).toBeNull();
    const entry = (await findCatalog(t.prisma, 5, await centres())).find((p) => p.slug === "broken-lamp");
    expect(entry?.deliveryWeeks ?? null).toBeNull();
  });
});

describe("delivery context", () => {
  it("carries today's date, the settings, the workshop's calendar and the booked hours of the seeded orders", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const context = await getDeliveryContext(t.prisma, now);
    expect(context.today).toBe("2026-11-25");
    expect(context.shippingDays).toBeGreaterThanOrEqual(0);
    expect(context.calendar.centres.map((c) => c.id)).toEqual((await t.prisma.workCentre.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] })).map((c) => c.id));
    expect(context.calendar.closures.map((c) => c.name)).toContain("Winter closure");
    const days = await t.prisma.capacityDay.findMany({ where: { bookedHours: { gt: 0 }, day: { gte: new Date("2026-11-24") } } });
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(context.booked[day.workCentreId]?.[day.day.toISOString().slice(0, 10)]).toBeCloseTo(day.bookedHours, 6);
  });
});
