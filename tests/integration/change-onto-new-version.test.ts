import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft } from "@/lib/catalog/editor/draft";
import { publishDraft } from "@/lib/catalog/editor/publish";
import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { checkConsistency } from "@/lib/db/ops/check";
import { applyChange, type ChangeInput } from "@/lib/orders/change-order";
import { getChangeableOrder, previewChange } from "@/lib/orders/change-preview";
import { decideChangeRequest } from "@/lib/orders/change-requests";
import { planReorder } from "@/lib/orders/reorder";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { placeSofa, seedChangeOrderShop, type ShopPeople, type SofaVersion } from "./helpers/change-orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// Issue 23: a customer moves their order onto the product's newer version (the configuration carried over as
// "Order again" does), on PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
let t: TestDatabase;
let people: ShopPeople;
let customer: ShopPeople["customer"];
let staff: ShopPeople["staff"];
let admin: ShopPeople["admin"];
let productId: string;
let v1: SofaVersion;

const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite";

beforeAll(async () => {
  t = await createTestDatabase();
  const shop = await seedChangeOrderShop(t);
  ({ customer, staff, admin } = shop);
  people = shop;
  productId = shop.sofa.productId;
  v1 = shop.sofa;
}, 120_000);
afterAll(() => t.drop());

/** Linen in terracotta, 200 cm: the order every test starts from, on version 1. */
function terracotta(definition: Definition): Selection {
  const n = normalize(definition, { material: "linen", "fabric-color": "terracotta" });
  if (!n.ok) throw new Error("selection invalid");
  return n.selection;
}

const placeOnV1 = (status: "CONFIRMED" | "IN_PRODUCTION" = "CONFIRMED") => placeSofa(t, people, v1, terracotta(v1.definition), status);

/** Publishes the sofa again with `edit` applied to the current definition; returns the new version. */
async function publishSofa(edit: (d: Definition) => Definition) {
  const current = await t.prisma.product.findUniqueOrThrow({ where: { id: productId }, include: { currentVersion: true } });
  const definition = edit(structuredClone(current.currentVersion!.definition as unknown as Definition));
  const saved = await saveDraft(t.prisma, admin, productId, definition);
  if (!saved.ok) throw new Error(saved.message);
  const published = await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true });
  if (!published.ok) throw new Error(published.message);
  const row = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, version: published.version } });
  return { id: row.id, version: row.version, definition };
}

/** Version 2: terracotta is no longer offered and the base price is EUR 100 higher. */
const withoutTerracotta = (d: Definition): Definition => ({
  ...d,
  basePriceCents: d.basePriceCents + 10_000,
  groups: d.groups.map((g) => (g.id === "fabric-color" && g.type === "single" ? { ...g, options: g.options.filter((o) => o.id !== "terracotta") } : g)),
});

function moveOf(order: { number: string; version: number; snapshot: unknown }, target: { id: string; definition: Definition }, extra: Partial<ChangeInput> = {}): ChangeInput {
  const carried = planReorder(order.snapshot as OrderSnapshot, target.definition);
  return {
    orderNumber: order.number, customer: { id: customer.id }, selection: carried.selection, quantity: 1, versionId: target.id, idempotencyKey: randomUUID(),
    reason: "Today's version", expected: { orderVersion: order.version, totalCents: carried.newTotalCents }, ...extra,
  };
}

describe(`a change onto the product's newer version (${DB})`, () => {
  let confirmed: Awaited<ReturnType<typeof placeOnV1>>;
  let started: Awaited<ReturnType<typeof placeOnV1>>;
  let stale: Awaited<ReturnType<typeof placeOnV1>>;
  let v2: Awaited<ReturnType<typeof publishSofa>>;

  beforeAll(async () => {
    // Orders on version 1 first: once version 2 is published nobody can order version 1 any more.
    confirmed = await placeOnV1("CONFIRMED");
    started = await placeOnV1("IN_PRODUCTION");
    stale = await placeOnV1("CONFIRMED");
    v2 = await publishSofa(withoutTerracotta);
  }, 60_000);

  it("previews the move: the version and the carried-over choices in words, the price on the new version", async () => {
    const order = (await getChangeableOrder(t.prisma, customer.id, confirmed.number))!;
    const carried = planReorder(order.snapshot as OrderSnapshot, v2.definition);
    const preview = await previewChange(t.prisma, order, carried.selection, 1, v2.id);
    expect(preview).toMatchObject({ ok: true, mode: "direct", productVersionId: v2.id, totalBeforeCents: confirmed.totalCents, totalAfterCents: evaluate(v2.definition, carried.selection, { quantity: 1 }).totalCents });
    if (!preview.ok) return;
    expect(preview.differences).toEqual(["Product version: 1 → 2", "Fabric colour: Terracotta → Sand"]);
    // On its own version, the same order is priced as it was.
    const own = await previewChange(t.prisma, order, { ...(order.snapshot as OrderSnapshot).selection, width: 210 }, 1, null);
    expect(own).toMatchObject({ ok: true, productVersionId: v1.id });
  });

  it("applies the move: the order is on version 2 with the new price, and the revision keeps version 1's snapshot", async () => {
    const result = await applyChange(t.prisma, moveOf(confirmed, v2));
    expect(result).toMatchObject({ ok: true, status: "APPLIED", revision: 2 });
    const after = await t.prisma.order.findUniqueOrThrow({ where: { id: confirmed.id }, include: { options: true } });
    expect(after.productVersionId).toBe(v2.id);
    const snapshot = after.snapshot as unknown as OrderSnapshot;
    expect(snapshot.product).toMatchObject({ version: 2, versionId: v2.id });
    expect(after.totalCents).toBe(evaluate(v2.definition, snapshot.selection, { quantity: 1 }).totalCents);
    expect(after.options.find((o) => o.groupId === "fabric-color")?.optionId).toBe("sand");
    const revision = await t.prisma.orderRevision.findFirstOrThrow({ where: { orderId: confirmed.id, number: 2 } });
    expect((revision.previousSnapshot as unknown as OrderSnapshot).product.version).toBe(1);
    expect(revision.differences).toEqual(["Product version: 1 → 2", "Fabric colour: Terracotta → Sand"]);
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("refuses a move onto a version that is no longer current, a draft or another product's, and writes nothing", async () => {
    const v3 = await publishSofa((d) => ({ ...d, basePriceCents: d.basePriceCents + 5_000 }));
    const other = await t.prisma.product.findUniqueOrThrow({ where: { slug: "tempo-bicycle" }, select: { currentVersionId: true } });
    await saveDraft(t.prisma, admin, productId, v3.definition);
    const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, status: "DRAFT" } });
    for (const versionId of [v2.id, draft.id, other.currentVersionId!, "no-such-version"]) {
      const result = await applyChange(t.prisma, moveOf(stale, v2, { versionId }));
      expect(result).toMatchObject({ ok: false, code: "changed" });
      if (!result.ok) expect(result.message).toMatch(/updated or taken out of the catalog/);
    }
    const order = await t.prisma.order.findUniqueOrThrow({ where: { id: stale.id } });
    expect(order).toMatchObject({ productVersionId: v1.id, revision: 1, version: stale.version, totalCents: stale.totalCents });
    expect(await t.prisma.orderRevision.count({ where: { orderId: stale.id } })).toBe(0);
    // The same order moves onto the version current now.
    expect(await applyChange(t.prisma, moveOf(stale, v3))).toMatchObject({ ok: true, status: "APPLIED", revision: 2 });
    expect((await t.prisma.order.findUniqueOrThrow({ where: { id: stale.id } })).productVersionId).toBe(v3.id);
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });

  it("a request onto a newer version is approved on the version the customer saw, even after another publish", async () => {
    const current = await t.prisma.product.findUniqueOrThrow({ where: { id: productId }, include: { currentVersion: true } });
    const seen = { id: current.currentVersionId!, definition: current.currentVersion!.definition as unknown as Definition };
    const asked = await applyChange(t.prisma, moveOf(started, seen));
    expect(asked).toMatchObject({ ok: true, status: "PENDING" });
    const request = await t.prisma.orderRevision.findFirstOrThrow({ where: { orderId: started.id, status: "PENDING" } });
    await publishSofa((d) => ({ ...d, basePriceCents: d.basePriceCents + 1_000 }));
    const decided = await decideChangeRequest(t.prisma, { requestId: request.id, actor: staff, decision: { kind: "approve", feeCents: 0, promisedDate: null, note: "" } });
    expect(decided).toMatchObject({ ok: true });
    const after = await t.prisma.order.findUniqueOrThrow({ where: { id: started.id } });
    expect(after.productVersionId).toBe(seen.id);
    expect(after.totalCents).toBe(request.totalAfterCents);
    expect(await checkConsistency(t.prisma)).toEqual([]);
  });
});
