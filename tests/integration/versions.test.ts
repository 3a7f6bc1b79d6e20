import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft } from "@/lib/catalog/editor/draft";
import { publishDraft, STALE_DRAFT } from "@/lib/catalog/editor/publish";
import { findAdminProducts, getProductForEditing } from "@/lib/catalog/editor/queries";
import { createProduct } from "@/lib/catalog/editor/service";
import { findCatalog, getPublishedProduct } from "@/lib/catalog/queries";
import { cloneProduct } from "@/lib/catalog/versions/clone";
import { canonical } from "@/lib/catalog/versions/diff";
import { findTestCaseInputs } from "@/lib/catalog/versions/queries";
import { findUnreadableVersions } from "@/lib/catalog/versions/readable";
import { startDraftFromVersion } from "@/lib/catalog/versions/rollback";
import { changeProductStatus } from "@/lib/catalog/versions/status";
import { createTestCase, deleteTestCase, updateTestCase } from "@/lib/catalog/versions/test-case-service";
import { evaluate, type Definition } from "@/lib/configurator";
import { getCustomerOrder } from "@/lib/orders/queries";
import { placeOrder } from "@/lib/orders/place-order";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let admin: { id: string };
let customer: { id: string; name: string; email: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await t.prisma.user.create({ data: { email: "boss@example.com", name: "Boss", passwordHash: "x", role: "ADMIN" }, select: { id: true } });
  customer = await t.prisma.user.create({ data: { email: "ann@example.com", name: "Ann", passwordHash: "x" }, select: { id: true, name: true, email: true } });
});
afterAll(() => t.drop());

const desk: Definition = {
  basePriceCents: 50_000,
  baseLeadDays: 5,
  routing: [{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 4 }],
  premiumPercent: 0,
  groups: [
    { id: "wood", label: "Wood", type: "single", required: true, default: "oak", options: [
      { id: "oak", label: "Oak", priceCents: 0, leadDays: 0, productionHours: 0 },
      { id: "walnut", label: "Walnut", priceCents: 20_000, leadDays: 10, productionHours: 1 },
    ] },
  ],
  rules: [],
};
const withWalnut = (priceCents: number, leadDays = 10): Definition => ({
  ...desk,
  groups: [{ id: "wood", label: "Wood", type: "single", required: true, default: "oak", options: [
    { id: "oak", label: "Oak", priceCents: 0, leadDays: 0, productionHours: 0 },
    { id: "walnut", label: "Walnut", priceCents, leadDays, productionHours: 1 },
  ] }],
});

async function revisionOf(productId: string): Promise<string> {
  const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, status: "DRAFT" }, select: { updatedAt: true } });
  return draft.updatedAt.toISOString();
}
async function publish(productId: string, extra: { acceptTestResults?: boolean; revision?: string } = {}) {
  return publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true, revision: extra.revision ?? (await revisionOf(productId)), acceptTestResults: extra.acceptTestResults });
}
const audits = (action: string) => t.prisma.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

let productId = "";
describe("versions: publish with a revision, roll back", () => {
  it("publishes two versions of a desk", async () => {
    const created = await createProduct(t.prisma, admin, { name: "Desk", slug: "desk", summary: "A desk", description: "", imageUrl: "" });
    productId = created.ok ? created.id : "";
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(desk))).toMatchObject({ ok: true, version: 1 });
    expect(await publish(productId)).toMatchObject({ ok: true, version: 1 });
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(25_000)))).toMatchObject({ ok: true, version: 2 });
    expect(await publish(productId)).toMatchObject({ ok: true, version: 2 });
  });

  it("refuses to publish a draft saved since the page was loaded, and publishes it with the current revision", async () => {
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(26_000)))).toMatchObject({ ok: true, version: 3 });
    const loaded = await revisionOf(productId);
    // Someone saves again (another tab): the page's revision is stale.
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(27_000)))).toMatchObject({ ok: true, version: 3 });
    expect(await publish(productId, { revision: loaded })).toEqual({ ok: false, message: STALE_DRAFT });
    expect(await publish(productId, { revision: "" })).toEqual({ ok: false, message: STALE_DRAFT });
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: productId }, include: { currentVersion: true } })).currentVersion?.version).toBe(2);
    expect(await publish(productId)).toMatchObject({ ok: true, version: 3 });
  });

  it("starts a draft from v1 (a rollback) and publishes it as v4 with v1's definition", async () => {
    const result = await startDraftFromVersion(t.prisma, admin, productId, 1, false);
    expect(result).toEqual({ ok: true, draftVersion: 4, replaced: false });
    const v1 = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 1 } });
    const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 4 } });
    expect(draft.status).toBe("DRAFT");
    expect(canonical(draft.definition)).toBe(canonical(v1.definition));
    expect((await audits("version.rollback")).map((a) => a.summary)).toEqual(["Started draft v4 of Desk from v1"]);
    expect(await publish(productId)).toMatchObject({ ok: true, version: 4 });
    expect((await getPublishedProduct(t.prisma, "desk"))?.version.definition.groups[0]).toEqual(desk.groups[0]);
  });

  it("overwrites a draft without changes of its own, and refuses one with changes unless told to replace it", async () => {
    // A draft identical to the current version: simply overwritten.
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(desk))).toMatchObject({ ok: true, version: 5 });
    expect(await startDraftFromVersion(t.prisma, admin, productId, 2, false)).toEqual({ ok: true, draftVersion: 5, replaced: false });
    // Now the draft (v2's definition) differs from the current one (v4): refused, and left as it was.
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(31_000)))).toMatchObject({ ok: true });
    const refused = await startDraftFromVersion(t.prisma, admin, productId, 3, false);
    expect(refused).toMatchObject({ ok: false, draftExists: 5 });
    expect(!refused.ok && refused.message).toContain("Draft v5 has changes of its own");
    const kept = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 5 } });
    expect(canonical(kept.definition)).toBe(canonical(withWalnut(31_000)));
    expect(await startDraftFromVersion(t.prisma, admin, productId, 3, true)).toEqual({ ok: true, draftVersion: 5, replaced: true });
    const replaced = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 5 } });
    expect(canonical(replaced.definition)).toBe(canonical(withWalnut(27_000)));
    expect(await startDraftFromVersion(t.prisma, admin, productId, 9, false)).toEqual({ ok: false, message: "Version 9 does not exist." });
    expect(await startDraftFromVersion(t.prisma, admin, productId, 5, true)).toMatchObject({ ok: false, message: "Version 5 is the draft itself; edit it in the editor." });
  });

  it("refuses to start a draft from a version priced in a currency the shop no longer sells in", async () => {
    await t.prisma.productVersion.update({ where: { productId_version: { productId, version: 1 } }, data: { currency: "USD" } });
    const refused = await startDraftFromVersion(t.prisma, admin, productId, 1, true);
    expect(refused).toMatchObject({ ok: false, message: "Version 1 is priced in USD, and the shop now sells in EUR. Start from a version priced in EUR." });
    const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 5 } });
    expect(canonical(draft.definition)).toBe(canonical(withWalnut(27_000)));
    // A version that names the shop's own currency (the shop changed back to it) is fine.
    await t.prisma.productVersion.update({ where: { productId_version: { productId, version: 3 } }, data: { currency: "EUR" } });
    expect(await startDraftFromVersion(t.prisma, admin, productId, 3, true)).toMatchObject({ ok: true, draftVersion: 5 });
  });
});

describe("saved test cases run at publish", () => {
  const walnut = { wood: "walnut" };
  it("saves a configuration with the draft's current result as its expectation", async () => {
    const saved = await createTestCase(t.prisma, admin, productId, { name: "Walnut desk", selection: walnut, quantity: 2 });
    expect(saved.ok).toBe(true);
    const [c] = await findTestCaseInputs(t.prisma, productId);
    const expected = evaluate(withWalnut(27_000), walnut, { quantity: 2 });
    expect(c?.expected).toEqual({ valid: true, priceCents: expected.totalCents, leadDays: expected.leadDays, operations: expected.operations.map((o) => ({ key: o.key, hours: o.hours })) });
    expect(await createTestCase(t.prisma, admin, productId, { name: "Walnut desk", selection: {}, quantity: 1 })).toMatchObject({ ok: false, field: "name" });
    expect(await createTestCase(t.prisma, admin, productId, { name: "Teak", selection: { wood: "teak" }, quantity: 1 })).toMatchObject({ ok: true });
  });

  it("blocks publishing when a case's price or lead time changes, showing expected and got, and saves nothing", async () => {
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(30_000, 14)))).toMatchObject({ ok: true });
    const refused = await publish(productId);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.message).toBe("1 of 2 saved test case(s) give different results on this draft. Review them, then fix the draft or accept the new results.");
    const run = refused.testRuns?.find((r) => r.name === "Walnut desk");
    expect(run?.mismatches).toEqual(["price", "leadDays"]);
    expect(run?.expected.priceCents).toBe(2 * 77_000);
    expect(run?.got.priceCents).toBe(2 * 80_000);
    expect([run?.expected.leadDays, run?.got.leadDays]).toEqual([15, 19]);
    expect(refused.testRuns?.find((r) => r.name === "Teak")?.mismatches).toEqual([]);
    expect((await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: 5 } })).status).toBe("DRAFT");
  });

  it("publishes when the admin accepts the new results, which become the expectations in the same transaction", async () => {
    const published = await publish(productId, { acceptTestResults: true });
    expect(published).toMatchObject({ ok: true, version: 5, accepted: 1 });
    const cases = await findTestCaseInputs(t.prisma, productId);
    expect(cases.find((c) => c.name === "Walnut desk")?.expected).toMatchObject({ valid: true, priceCents: 2 * 80_000, leadDays: 19 });
    const audit = (await audits("version.publish")).at(-1);
    expect(audit?.data).toMatchObject({ version: 5, testCases: 2, acceptedTestResults: [{ name: "Walnut desk" }] });
    // The next draft with the same prices passes.
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(30_000, 14)))).toMatchObject({ ok: true, version: 6 });
    expect(await publish(productId)).toMatchObject({ ok: true, version: 6, accepted: 0 });
  });

  it("edits and deletes a case", async () => {
    const [first] = await findTestCaseInputs(t.prisma, productId);
    expect(await updateTestCase(t.prisma, admin, productId, first!.id, { name: "Teak (invalid)", expectValid: false, expectPriceCents: 1, expectLeadDays: 2, compareOperations: false })).toMatchObject({ ok: true });
    const edited = (await findTestCaseInputs(t.prisma, productId)).find((c) => c.id === first!.id);
    expect(edited).toMatchObject({ name: "Teak (invalid)", expected: { valid: false, priceCents: 1, leadDays: 2, operations: null } });
    expect(await deleteTestCase(t.prisma, admin, productId, first!.id)).toMatchObject({ ok: true });
    expect(await deleteTestCase(t.prisma, admin, "other-product", first!.id)).toMatchObject({ ok: false });
    expect((await findTestCaseInputs(t.prisma, productId)).map((c) => c.name)).toEqual(["Walnut desk"]);
    expect((await audits("test-case.delete")).length).toBe(1);
  });
});

describe("clone, unpublish and archive", () => {
  let orderNumber = "";
  it("clones a product under a new slug with its current version as draft v1 and its test cases", async () => {
    expect(await cloneProduct(t.prisma, admin, productId, { name: "Desk 2", slug: "desk" })).toMatchObject({ ok: false, field: "slug" });
    const clone = await cloneProduct(t.prisma, admin, productId, { name: "Standing desk", slug: "standing-desk" });
    expect(clone).toMatchObject({ ok: true, fromVersion: 6 });
    const copy = await getProductForEditing(t.prisma, clone.ok ? clone.id : "");
    expect(copy).toMatchObject({ name: "Standing desk", slug: "standing-desk", summary: "A desk", currentVersion: null, draft: { version: 1 } });
    expect(canonical(copy?.draft.definition)).toBe(canonical(withWalnut(30_000, 14)));
    expect((await findTestCaseInputs(t.prisma, clone.ok ? clone.id : "")).map((c) => c.name)).toEqual(["Walnut desk"]);
    expect(await getPublishedProduct(t.prisma, "standing-desk")).toBeNull();
  });

  it("unpublishes: gone from the catalog, new orders refused, existing orders keep their version", async () => {
    const product = await getPublishedProduct(t.prisma, "desk");
    const total = evaluate(product!.version.definition, { wood: "oak" }).totalCents;
    const placed = await placeOrder(t.prisma, {
      customer, slug: "desk", selection: { wood: "oak" }, quantity: 1, idempotencyKey: randomUUID(),
      shippingAddress: { name: "Ann", line1: "1 Street", line2: "", city: "Lyon", postalCode: "69001", country: "FR" }, notes: "",
      expected: { versionId: product!.version.id, totalCents: total },
    });
    expect(placed.ok).toBe(true);
    orderNumber = placed.ok ? placed.number : "";

    expect(await changeProductStatus(t.prisma, admin, productId, "unpublish")).toMatchObject({ ok: true, slug: "desk" });
    expect(await getPublishedProduct(t.prisma, "desk")).toBeNull();
    expect((await findCatalog(t.prisma, 5, [])).map((p) => p.slug)).not.toContain("desk");
    const again = await placeOrder(t.prisma, {
      customer, slug: "desk", selection: { wood: "oak" }, quantity: 1, idempotencyKey: randomUUID(),
      shippingAddress: { name: "Ann", line1: "1 Street", line2: "", city: "Lyon", postalCode: "69001", country: "FR" }, notes: "",
      expected: { versionId: product!.version.id, totalCents: total },
    });
    expect(again.ok).toBe(false);
    const order = await getCustomerOrder(t.prisma, customer.id, orderNumber);
    expect(order?.product.name).toBe("Desk");
    expect((order?.snapshot as { product: { version: number } }).product.version).toBe(6);
    expect((await t.prisma.order.findUniqueOrThrow({ where: { number: orderNumber } })).productVersionId).toBe(product!.version.id);
    expect(await changeProductStatus(t.prisma, admin, productId, "unpublish")).toMatchObject({ ok: false, message: "Desk is not in the catalog." });
    // The editor starts from the latest published version, not from an empty definition.
    const editing = await getProductForEditing(t.prisma, productId);
    expect(editing).toMatchObject({ status: "UNPUBLISHED", currentVersion: null });
    expect(canonical(editing?.draft.definition)).toBe(canonical(withWalnut(30_000, 14)));
  });

  it("republishes the latest published version", async () => {
    expect(await changeProductStatus(t.prisma, admin, productId, "republish")).toMatchObject({ ok: true, message: "Desk v6 is back in the catalog." });
    expect((await getPublishedProduct(t.prisma, "desk"))?.version.version).toBe(6);
  });

  it("archives: hidden from the admin's list and the catalog, publishing refused until unarchived", async () => {
    expect(await changeProductStatus(t.prisma, admin, productId, "archive")).toMatchObject({ ok: true });
    expect((await findAdminProducts(t.prisma)).map((p) => p.slug)).not.toContain("desk");
    expect((await findAdminProducts(t.prisma, { archived: true })).map((p) => p.slug)).toEqual(["desk"]);
    expect(await getPublishedProduct(t.prisma, "desk")).toBeNull();
    expect(await changeProductStatus(t.prisma, admin, productId, "republish")).toMatchObject({ ok: false, message: "Desk is archived. Unarchive it first." });
    expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(withWalnut(30_000, 14)))).toMatchObject({ ok: true, version: 7 });
    expect(await publish(productId)).toEqual({ ok: false, message: "This product is archived. Unarchive it before publishing." });
    expect(await changeProductStatus(t.prisma, admin, productId, "unarchive")).toMatchObject({ ok: true });
    expect((await findAdminProducts(t.prisma)).find((p) => p.slug === "desk")?.status).toBe("UNPUBLISHED");
    // Publishing a draft puts it back in the catalog.
    expect(await publish(productId)).toMatchObject({ ok: true, version: 7 });
    expect(await t.prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect((await audits("product.archive")).length + (await audits("product.unarchive")).length + (await audits("product.unpublish")).length + (await audits("product.republish")).length).toBe(4);
    expect(await getCustomerOrder(t.prisma, customer.id, orderNumber)).not.toBeNull();
  });

  it("the database refuses an unpublished product that still has a current version", async () => {
    await expect(t.rawQuery(`UPDATE "products" SET "status" = 'UNPUBLISHED' WHERE "id" = $1`, [productId])).rejects.toThrow(/products_out_of_catalog_has_no_current_version/);
  });

  it("db:check lists a published version today's schema refuses (a pattern the linear-time engine cannot run)", async () => {
    expect(await findUnreadableVersions(t.prisma)).toEqual([]);
    const engraved = { ...desk, groups: [...desk.groups, { id: "engraving", label: "Engraving", type: "text", required: false, maxLength: 20, pattern: "(?=A)[A-Z]+" }] };
    const product = await t.prisma.product.create({ data: { name: "Old desk", slug: "old-desk", summary: "", description: "", imageUrl: "" }, select: { id: true } });
    await t.prisma.productVersion.create({ data: { productId: product.id, version: 1, status: "PUBLISHED", definition: engraved } });
    const unreadable = await findUnreadableVersions(t.prisma);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ slug: "old-desk", version: 1 });
    expect(unreadable[0]!.problem).toMatch(/engraving|pattern/i);
  });
});
