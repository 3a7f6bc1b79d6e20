import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft } from "@/lib/catalog/editor/draft";
import { publishDraft } from "@/lib/catalog/editor/publish";
import { createProduct, updateProduct } from "@/lib/catalog/editor/service";
import { getProductForEditing } from "@/lib/catalog/editor/queries";
import { parseDefinition, type Definition } from "@/lib/configurator";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let admin: { id: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await t.prisma.user.create({ data: { email: "boss@example.com", name: "Boss", passwordHash: "x", role: "ADMIN" }, select: { id: true } });
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
    { id: "extras", label: "Extras", type: "multi", required: false, options: [
      { id: "drawer", label: "Drawer", priceCents: 9_000, leadDays: 0, productionHours: 1 },
      { id: "cable", label: "Cable tray", priceCents: 4_000, leadDays: 0, productionHours: 0.5 },
    ] },
    { id: "width", label: "Width", type: "number", required: true, unit: "cm", min: 100, max: 200, step: 10, default: 120, priceCentsPerUnit: 150, productionHoursPerUnit: 0 },
  ],
  rules: [
    { id: "walnut-needs-drawer", kind: "requires", when: { selected: { group: "wood", option: "walnut" } }, then: { selected: { group: "extras", option: "drawer" } }, message: "Walnut desks come with a drawer" },
    { id: "no-tray-with-drawer", kind: "excludes", when: { selected: { group: "extras", option: "drawer" } }, then: { selected: { group: "extras", option: "cable" } }, message: "The drawer takes the cable tray's place" },
  ],
};

describe("admin products: draft and publish", () => {
  let productId = "";

  it("creates a product with an empty draft, refusing a taken slug on the slug field", async () => {
    const created = await createProduct(t.prisma, admin, { name: "Desk", slug: "desk", summary: "", description: "", imageUrl: "" });
    expect(created.ok).toBe(true);
    productId = created.ok ? created.id : "";
    expect(await createProduct(t.prisma, admin, { name: "Other", slug: "desk", summary: "", description: "", imageUrl: "" })).toMatchObject({ ok: false, field: "slug" });
    const product = await getProductForEditing(t.prisma, productId);
    expect(product?.currentVersion).toBeNull();
    expect(product?.draft.version).toBe(1);
  });

  it("returns schema issues with their path and saves nothing", async () => {
    const broken = { ...desk, rules: [{ ...desk.rules[0]!, when: { selected: { group: "wood", option: "teak" } } }] };
    const result = await saveDraft(t.prisma, admin, productId, JSON.stringify(broken));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toContain("rules.0.when.selected.option");
    const row = await t.prisma.productVersion.findFirstOrThrow({ where: { productId } });
    expect((row.definition as Definition).groups).toEqual([]);
  });

  it("blocks publishing a rule set whose required group can never be filled, and says why", async () => {
    const impossible: Definition = {
      ...desk,
      rules: [{ id: "never-wood", kind: "visibleWhen", target: { group: "wood" }, when: { compare: { group: "width", op: ">", value: 500 } }, message: "Wood is hidden" }],
    };
    expect((await saveDraft(t.prisma, admin, productId, JSON.stringify(impossible))).ok).toBe(true);
    const result = await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings?.some((f) => f.severity === "error")).toBe(true);
    expect((await t.prisma.product.findUniqueOrThrow({ where: { id: productId } })).currentVersionId).toBeNull();
  });

  it("publishes an immutable version with a from-price, then branches a new draft for the next edit", async () => {
    expect((await saveDraft(t.prisma, admin, productId, JSON.stringify(desk))).ok).toBe(true);
    const published = await publishDraft(t.prisma, admin, { productId, note: "First", acknowledgeWarnings: true });
    expect(published).toEqual({ ok: true, version: 1, slug: "desk", testRuns: [], accepted: 0 });
    const v1 = await t.prisma.productVersion.findUniqueOrThrow({ where: { productId_version: { productId, version: 1 } } });
    expect(v1.status).toBe("PUBLISHED");
    expect(v1.fromPriceCents).toBe(50_000 + 100 * 150); // oak, no extras, narrowest width

    const pricier = { ...desk, basePriceCents: 60_000 };
    const saved = await saveDraft(t.prisma, admin, productId, pricier);
    expect(saved).toEqual({ ok: true, version: 2 });
    const stillV1 = await t.prisma.productVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect((stillV1.definition as Definition).basePriceCents).toBe(50_000);
    expect((await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true })).ok).toBe(true);
    const product = await getProductForEditing(t.prisma, productId);
    expect(product?.currentVersion).toBe(2);
    expect(product?.versions.map((v) => [v.version, v.status, v.current])).toEqual([[2, "PUBLISHED", true], [1, "PUBLISHED", false]]);
  });

  it("blocks publishing a routing with an operation at an unknown or inactive work centre, naming both", async () => {
    await t.prisma.workCentre.create({ data: { id: "paint", name: "Paint shop", active: false, weekdayHours: [8, 8, 8, 8, 8, 0, 0] } });
    const routed: Definition = {
      ...desk,
      routing: [
        { id: "workshop", label: "Workshop", workCentre: "workshop", hours: 3 },
        { id: "paint", label: "Lacquer", workCentre: "paint", hours: 1 },
        { id: "pack", label: "Packing", workCentre: "dispatch", hours: 0.5 },
      ],
    };
    expect((await saveDraft(t.prisma, admin, productId, JSON.stringify(routed))).ok).toBe(true);
    const blocked = await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true });
    expect(blocked).toMatchObject({ ok: false, message: "Publishing is blocked by 2 error(s)." });
    expect(!blocked.ok && blocked.findings?.map((f) => [f.code, f.operation, f.message])).toEqual([
      ["inactive-work-centre", "paint", 'Operation "Lacquer" (paint) is at work centre "Paint shop" (paint), which is inactive'],
      ["unknown-work-centre", "pack", 'Operation "Packing" (pack) is at work centre "dispatch", which does not exist'],
    ]);
    await t.prisma.workCentre.update({ where: { id: "paint" }, data: { active: true } });
    await t.prisma.workCentre.create({ data: { id: "dispatch", name: "Dispatch", weekdayHours: [4, 4, 4, 4, 4, 0, 0] } });
    expect(await publishDraft(t.prisma, admin, { productId, note: "Routing", acknowledgeWarnings: true })).toEqual({ ok: true, version: 3, slug: "desk", testRuns: [], accepted: 0 });
    const v3 = await t.prisma.productVersion.findUniqueOrThrow({ where: { productId_version: { productId, version: 3 } } });
    expect((v3.definition as Definition).routing.map((o) => o.workCentre)).toEqual(["workshop", "paint", "dispatch"]);
  });

  it("refuses to publish when there is no draft", async () => {
    expect(await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true })).toMatchObject({ ok: false });
  });

  it("audits every change with its actor", async () => {
    await updateProduct(t.prisma, admin, productId, { name: "Desk Pro", slug: "desk", summary: "", description: "", imageUrl: "" });
    const actions = (await t.prisma.auditLog.findMany({ where: { actorId: admin.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["product.create", "version.save-draft", "version.save-draft", "version.publish", "version.save-draft", "version.publish", "version.save-draft", "version.publish", "product.update"]);
  });
});

describe("database guards on versions", () => {
  it("refuses to change a published version, a second draft, or a current version that is not published", async () => {
    const product = await t.prisma.product.findUniqueOrThrow({ where: { slug: "desk" }, include: { currentVersion: true } });
    await expect(t.prisma.productVersion.update({ where: { id: product.currentVersionId! }, data: { definition: { groups: [] } } })).rejects.toThrow();
    await t.prisma.productVersion.update({ where: { id: product.currentVersionId! }, data: { note: "Notes may change" } });
    await t.prisma.productVersion.create({ data: { productId: product.id, version: 10, status: "DRAFT", definition: desk } });
    await expect(t.prisma.productVersion.create({ data: { productId: product.id, version: 11, status: "DRAFT", definition: desk } })).rejects.toThrow();
    const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "DRAFT" } });
    await expect(t.prisma.product.update({ where: { id: product.id }, data: { currentVersionId: draft.id } })).rejects.toThrow();
  });
});

describe("the routings migration", () => {
  it("turns every stored definition's base hours into one Workshop operation, published versions included, and keeps them immutable", async () => {
    const product = await t.prisma.product.create({ data: { slug: "old-chair", name: "Old chair" } });
    const { routing: _routing, ...rest } = desk;
    const old = { ...rest, baseProductionHours: 4.5 };
    const published = await t.prisma.productVersion.create({ data: { productId: product.id, version: 1, status: "PUBLISHED", publishedAt: new Date(), definition: old } });
    const draft = await t.prisma.productVersion.create({ data: { productId: product.id, version: 2, status: "DRAFT", definition: { ...old, baseProductionHours: 0 } } });
    const sql = readFileSync(join(process.cwd(), "prisma/migrations/20261205050000_routings/migration.sql"), "utf8");
    for (const statement of sql.split(/;\s*$/m).map((s) => s.replace(/^\s*--.*$/gm, "").trim()).filter(Boolean)) await t.rawQuery(statement);

    const after = await t.prisma.productVersion.findUniqueOrThrow({ where: { id: published.id } });
    const definition = after.definition as Record<string, unknown>;
    expect(definition.baseProductionHours).toBeUndefined();
    expect(definition.routing).toEqual([{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 4.5 }]);
    expect(definition.groups).toEqual(desk.groups);
    const parsed = parseDefinition(definition);
    expect(parsed.ok).toBe(true);
    const migratedDraft = await t.prisma.productVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect((migratedDraft.definition as Definition).routing).toEqual([{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 0 }]);
    // The trigger is back on: the published version cannot be edited.
    await expect(t.prisma.productVersion.update({ where: { id: published.id }, data: { definition: desk } })).rejects.toThrow();
  });
});
