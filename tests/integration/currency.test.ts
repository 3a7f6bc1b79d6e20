import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuditPage } from "@/lib/audit/queries";
import { parseDefinition } from "@/lib/configurator";
import { getDashboard } from "@/lib/reports/dashboard";
import { ordersCsv } from "@/lib/reports/orders-csv";
import { changeShopCurrency, currencyChangeSchema } from "@/lib/settings/currency";
import { getFairUse, getSettings } from "@/lib/settings/queries";
import { updateSettings } from "@/lib/settings/service";
import { seedDatabase } from "@/prisma/seed-database";
import { placeTestOrder } from "./helpers/orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let admin: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
  admin = await t.prisma.user.findUniqueOrThrow({ where: { email: "admin@atelier.test" }, select: { id: true } });
});
afterAll(() => t.drop());

const ordersNow = () => t.prisma.order.findMany({ orderBy: { number: "asc" }, select: { number: true, currency: true, totalCents: true, unitPriceCents: true, productVersionId: true } });

describe("changing the shop currency", () => {
  it("refuses a currency change without a rate while products have prices", async () => {
    const settings = await getSettings(t.prisma);
    const refused = await updateSettings(t.prisma, admin, { ...settings, currency: "JPY" });
    expect(refused).toMatchObject({ ok: false, field: "currency" });
    expect(refused.ok ? "" : refused.message).toMatch(/exchange rate/);
    expect((await getSettings(t.prisma)).currency).toBe("EUR");
    const noRate = currencyChangeSchema.safeParse({ currency: "JPY" });
    expect(noRate.success).toBe(false);
    expect(currencyChangeSchema.safeParse({ currency: "JPY", rate: "0" }).success).toBe(false);
    expect(currencyChangeSchema.safeParse({ currency: "JPY", rate: "1.1234567" }).success).toBe(false);
    expect(await changeShopCurrency(t.prisma, admin, { currency: "EUR", rate: 1 })).toMatchObject({ ok: false, field: "currency" });
  });

  it("converts every product's prices into a new version, keeps orders as they were, and audits it", async () => {
    const products = await t.prisma.product.findMany({ orderBy: { sortOrder: "asc" }, include: { currentVersion: true } });
    const first = products[0]!;
    // A pending draft of the first product: converted as well, and kept after the new published version.
    const draftDefinition = { ...(first.currentVersion!.definition as object), basePriceCents: 200_498 };
    await t.prisma.productVersion.create({ data: { productId: first.id, version: 2, status: "DRAFT", definition: draftDefinition } });
    const orders = await ordersNow();
    const threshold = (await getFairUse(t.prisma)).approvalValueThreshold;

    const result = await changeShopCurrency(t.prisma, admin, { currency: "JPY", rate: 162.35 });
    expect(result).toMatchObject({ ok: true, products: products.length });
    expect((await getSettings(t.prisma)).currency).toBe("JPY");
    // €150,000 would be ¥24,352,500, beyond what the column holds: capped at whole yen, and said so.
    expect(threshold).toBe(15_000_000);
    expect((await getFairUse(t.prisma)).approvalValueThreshold).toBe(2_147_483_600);
    expect(result.ok && result.message).toMatch(/capped at JP¥21,474,836/);

    for (const product of products) {
      const now = await t.prisma.product.findUniqueOrThrow({ where: { id: product.id }, include: { currentVersion: true } });
      const before = product.currentVersion!.definition as { basePriceCents: number; groups: { options?: { priceCents: number }[] }[] };
      const after = now.currentVersion!.definition as typeof before;
      expect(now.currentVersion!.status).toBe("PUBLISHED");
      expect(now.currentVersion!.currency).toBeNull();
      expect(now.currentVersion!.note).toBe("Prices converted from EUR to JPY (1 EUR = 162.35 JPY)");
      // Whole yen, rounded half away from zero: €1,290.00 × 162.35 = ¥209,431.5 -> ¥209,432.
      expect(after.basePriceCents).toBe(Math.round((before.basePriceCents / 100) * 162.35) * 100);
      const optionPrices = (d: typeof before) => d.groups.flatMap((g) => (g.options ?? []).map((o) => o.priceCents));
      expect(optionPrices(after)).toEqual(optionPrices(before).map((c) => Math.sign(c) * Math.round((Math.abs(c) / 100) * 162.35) * 100));
      expect(parseDefinition(after).ok).toBe(true);
      // The version the orders were priced from is untouched and says which currency it was in.
      const old = await t.prisma.productVersion.findUniqueOrThrow({ where: { id: product.currentVersion!.id } });
      expect(old).toMatchObject({ status: "PUBLISHED", currency: "EUR", definition: before });
    }
    expect((products[0]!.currentVersion!.definition as { basePriceCents: number }).basePriceCents).toBe(129_000);
    const converted = await t.prisma.product.findUniqueOrThrow({ where: { id: first.id }, include: { currentVersion: true } });
    expect((converted.currentVersion!.definition as { basePriceCents: number }).basePriceCents).toBe(20_943_200);
    const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId: first.id, status: "DRAFT" } });
    expect(converted.currentVersion!.version).toBe(3);
    expect(draft).toMatchObject({ version: 4, currency: null });
    // €2,004.98 × 162.35 = ¥325,508.503 -> ¥325,509 (not ¥2,005).
    expect((draft.definition as { basePriceCents: number }).basePriceCents).toBe(32_550_900);

    expect(await ordersNow()).toEqual(orders);
    expect(new Set(orders.map((o) => o.currency))).toEqual(new Set(["EUR"]));
    const csv = await ordersCsv(t.prisma);
    expect(csv.split("\r\n").slice(1).filter(Boolean).every((line) => line.includes(",EUR,"))).toBe(true);

    const audit = await findAuditPage(t.prisma, { action: "settings.currency" });
    expect(audit.rows[0]?.changes).toEqual([
      { field: "Currency", before: "EUR", after: "JPY" },
      { field: "Exchange rate", before: null, after: "1 EUR = 162.35 JPY" },
      { field: "Approval above (value)", before: "€150,000.00", after: "JP¥21,474,836" },
    ]);
    const perProduct = await findAuditPage(t.prisma, { action: "version.convert-currency" });
    expect(perProduct.total).toBe(products.length);
    expect(perProduct.rows.find((r) => r.entityId === first.id)?.changes).toContainEqual({ field: "Base price", before: "€1,290.00", after: "JP¥209,432" });
  });

  it("keeps each order's currency on the dashboard: revenue per currency, never added up", async () => {
    const customer = await t.prisma.user.findFirstOrThrow({ where: { role: "CUSTOMER" }, select: { id: true, name: true, email: true } });
    // The order fixture's product is made at a "workshop" centre, which the demo workshop does not have.
    await t.prisma.workCentre.create({ data: { id: "workshop", name: "Workshop", weekdayHours: [8, 8, 8, 8, 8, 8, 8] } });
    const order = await placeTestOrder(t, { customer, hours: 1, now: new Date() });
    expect(order.currency).toBe("JPY");
    const dashboard = await getDashboard(t.prisma, 12, new Date(), "JPY");
    const currencies = dashboard.totals.revenue.map((m) => m.currency);
    expect(currencies[0]).toBe("JPY");
    expect(currencies).toContain("EUR");
    expect(dashboard.totals.revenue.find((m) => m.currency === "JPY")?.cents).toBe(order.totalCents);
  });
});
