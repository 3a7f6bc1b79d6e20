import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft } from "@/lib/catalog/editor/draft";
import { publishDraft } from "@/lib/catalog/editor/publish";
import { createProduct } from "@/lib/catalog/editor/service";
import { evaluate, type Definition } from "@/lib/configurator";
import { MAX_SAVED_ADDRESSES, savedAddressSchema } from "@/lib/customers/address-schema";
import { addressForReorder, deleteSavedAddress, findSavedAddresses, getSavedAddress, rememberCheckoutAddress, saveAddress } from "@/lib/customers/addresses";
import { keepConsentedAddress, readCheckoutConsent } from "@/lib/customers/checkout-consent";
import { compareChoices } from "@/lib/designs/compare";
import { findDesigns, getDesigns } from "@/lib/designs/queries";
import { designNameSchema, MAX_SAVED_DESIGNS } from "@/lib/designs/schema";
import { DESIGN_LIMIT_MESSAGE, deleteDesign, renameDesign, saveDesign } from "@/lib/designs/service";
import { checkConsistency } from "@/lib/db/ops/check";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let admin: { id: string };
let ann: { id: string };
let bob: { id: string };
let productId = "";

const v1: Definition = {
  basePriceCents: 50_000,
  baseLeadDays: 5,
  routing: [{ id: "build", label: "Workshop", workCentre: "workshop", hours: 4 }],
  premiumPercent: 0,
  groups: [
    { id: "wood", label: "Wood", type: "single", required: true, default: "oak", options: [
      { id: "oak", label: "Oak", priceCents: 0, leadDays: 0, productionHours: 0 },
      { id: "walnut", label: "Walnut", priceCents: 20_000, leadDays: 10, productionHours: 1 },
      { id: "teak", label: "Teak", priceCents: 30_000, leadDays: 20, productionHours: 1 },
    ] },
    { id: "finish", label: "Finish", type: "single", required: true, default: "matte", options: [
      { id: "matte", label: "Matte", priceCents: 0, leadDays: 0, productionHours: 0 },
      { id: "gloss", label: "Gloss", priceCents: 5_000, leadDays: 0, productionHours: 0 },
    ] },
  ],
  rules: [],
};
// Version 2: teak is gone, walnut is renamed and dearer.
const v2: Definition = {
  ...v1,
  groups: [
    { id: "wood", label: "Wood", type: "single", required: true, default: "oak", options: [
      { id: "oak", label: "Oak", priceCents: 0, leadDays: 0, productionHours: 0 },
      { id: "walnut", label: "Dark walnut", priceCents: 25_000, leadDays: 10, productionHours: 1 },
    ] },
    v1.groups[1]!,
  ],
};

async function publish(definition: Definition) {
  expect(await saveDraft(t.prisma, admin, productId, JSON.stringify(definition))).toMatchObject({ ok: true });
  const draft = await t.prisma.productVersion.findFirstOrThrow({ where: { productId, status: "DRAFT" }, select: { updatedAt: true } });
  expect(await publishDraft(t.prisma, admin, { productId, note: "", acknowledgeWarnings: true, revision: draft.updatedAt.toISOString() })).toMatchObject({ ok: true });
}

const home = { name: "Ann Example", line1: "1 Rue de la Paix", line2: "", city: "Lyon", postalCode: "69001", country: "FR" };

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await t.prisma.user.create({ data: { email: "boss@example.com", name: "Boss", passwordHash: "x", role: "ADMIN" }, select: { id: true } });
  ann = await t.prisma.user.create({ data: { email: "ann@example.com", name: "Ann", passwordHash: "x" }, select: { id: true } });
  bob = await t.prisma.user.create({ data: { email: "bob@example.com", name: "Bob", passwordHash: "x" }, select: { id: true } });
  await t.prisma.workCentre.upsert({ where: { id: "workshop" }, update: {}, create: { id: "workshop", name: "Workshop", sortOrder: 0, weekdayHours: [8, 8, 8, 8, 8, 0, 0] } });
  const created = await createProduct(t.prisma, admin, { name: "Desk", slug: "desk", summary: "A desk", description: "", imageUrl: "" });
  productId = created.ok ? created.id : "";
  await publish(v1);
});
afterAll(() => t.drop());

describe(`saved designs (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let teak = "";
  let walnut = "";
  it("saves named designs, priced by the server, and lists them priced and dated now", async () => {
    const a = await saveDesign(t.prisma, ann.id, { slug: "desk", selection: { wood: "teak", finish: "gloss" }, quantity: 1, name: "Teak, gloss" });
    const b = await saveDesign(t.prisma, ann.id, { slug: "desk", selection: { wood: "walnut" }, quantity: 2, name: "Two walnut desks" });
    expect(a.ok && b.ok).toBe(true);
    teak = a.ok ? a.id : "";
    walnut = b.ok ? b.id : "";
    const list = await findDesigns(t.prisma, ann.id);
    expect(list.map((d) => d.name)).toEqual(["Two walnut desks", "Teak, gloss"]);
    const walnutDesign = list[0]!;
    expect(walnutDesign.now?.totalCents).toBe(evaluate(v1, { wood: "walnut", finish: "matte" }, { quantity: 2 }).totalCents);
    expect(walnutDesign.now?.changes).toEqual([]);
    expect(walnutDesign.now?.delivery.ok).toBe(true);
    // The default finish was filled in by the engine on the server; the saved row keeps the whole configuration.
    expect((await t.prisma.savedDesign.findUniqueOrThrow({ where: { id: walnut } })).selection).toEqual({ wood: "walnut", finish: "matte" });
  });

  it("refuses a configuration the product does not offer, an unknown product, and names that are empty or too long", async () => {
    expect(await saveDesign(t.prisma, ann.id, { slug: "desk", selection: { wood: "pine" }, quantity: 1, name: "Pine" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await saveDesign(t.prisma, ann.id, { slug: "nope", selection: {}, quantity: 1, name: "x" })).toMatchObject({ ok: false, code: "not-found" });
    expect(designNameSchema.safeParse("x".repeat(80)).success).toBe(true);
    expect(designNameSchema.safeParse("x".repeat(81)).error?.issues[0]?.message).toBe("Use at most 80 characters");
    expect(designNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("Give the design a name");
    // The database refuses a longer name whatever the code does.
    await expect(t.prisma.savedDesign.update({ where: { id: teak }, data: { name: "y".repeat(81) } })).rejects.toThrow();
  });

  it("shows a customer only their own designs: another customer's id reads, renames and deletes nothing", async () => {
    expect(await getDesigns(t.prisma, bob.id, [teak, walnut])).toEqual([]);
    expect(await findDesigns(t.prisma, bob.id)).toEqual([]);
    expect(await renameDesign(t.prisma, bob.id, teak, "Mine now")).toBe(false);
    expect(await deleteDesign(t.prisma, bob.id, teak)).toBe(false);
    expect((await getDesigns(t.prisma, ann.id, [teak]))[0]?.name).toBe("Teak, gloss");
    expect(await renameDesign(t.prisma, ann.id, teak, "Teak desk")).toBe(true);
    expect((await getDesigns(t.prisma, ann.id, [teak]))[0]?.name).toBe("Teak desk");
  });

  it("compares two designs with the differing rows marked", async () => {
    const [a, b] = await getDesigns(t.prisma, ann.id, [teak, walnut]);
    const rows = compareChoices(a!, b!);
    expect(rows).toEqual([
      { label: "Wood", a: "Teak", b: "Walnut", differs: true },
      { label: "Finish", a: "Gloss", b: "Matte", differs: true },
    ]);
  });

  it("carries designs over to a new product version, saying what changed, with today's price", async () => {
    await publish(v2);
    const [teakNow, walnutNow] = await getDesigns(t.prisma, ann.id, [teak, walnut]);
    expect(teakNow?.savedVersion).toBe(1);
    expect(teakNow?.now?.version).toBe(2);
    expect(teakNow?.now?.changes).toEqual([
      "The product has been updated since you saved this design.",
      'Wood: "Teak" is no longer available; the standard choice is used.',
    ]);
    expect(teakNow?.now?.selection).toEqual({ wood: "oak", finish: "gloss" });
    expect(walnutNow?.now?.changes).toEqual(["The product has been updated since you saved this design.", "Wood: Walnut is now called Dark walnut."]);
    expect(walnutNow?.now?.totalCents).toBe(evaluate(v2, { wood: "walnut", finish: "matte" }, { quantity: 2 }).totalCents);
    expect(walnutNow?.saved.totalCents).toBe(evaluate(v1, { wood: "walnut", finish: "matte" }, { quantity: 2 }).totalCents);
    expect(walnutNow?.now?.totalCents).not.toBe(walnutNow?.saved.totalCents);
  });

  it(`keeps at most ${MAX_SAVED_DESIGNS} designs per customer, even when two saves race`, async () => {
    const have = await t.prisma.savedDesign.count({ where: { customerId: ann.id } });
    const template = await t.prisma.savedDesign.findUniqueOrThrow({ where: { id: walnut } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...row } = template;
    await t.prisma.savedDesign.createMany({ data: Array.from({ length: MAX_SAVED_DESIGNS - 1 - have }, (_, i) => ({ ...row, selection: row.selection ?? {}, choices: row.choices ?? [], name: `Copy ${i}` })) });
    const results = await Promise.all([1, 2].map((i) => saveDesign(t.prisma, ann.id, { slug: "desk", selection: { wood: "oak" }, quantity: 1, name: `Race ${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "limit", message: DESIGN_LIMIT_MESSAGE });
    expect(await t.prisma.savedDesign.count({ where: { customerId: ann.id } })).toBe(MAX_SAVED_DESIGNS);
    // Another customer is not affected by Ann's limit.
    expect(await saveDesign(t.prisma, bob.id, { slug: "desk", selection: {}, quantity: 1, name: "Bob's" })).toMatchObject({ ok: true });
  });
});

describe(`address book (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("saves nothing at checkout unless the box is ticked, and keeps the address and phone when it is", async () => {
    const form = (entries: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(entries)) data.set(k, v);
      return data;
    };
    const unticked = readCheckoutConsent(form({ phone: "+33 4 12 34 56 78" }));
    expect(unticked).toEqual({ ok: true, save: false, phone: "" });
    expect(await keepConsentedAddress(t.prisma, ann.id, home, unticked)).toBeNull();
    expect(await findSavedAddresses(t.prisma, ann.id)).toEqual([]);

    expect(readCheckoutConsent(form({ saveAddress: "on", phone: "call me" }))).toMatchObject({ ok: false, errors: { phone: ["Use digits, spaces and + ( ) - only, e.g. +43 1 234 5678"] } });
    expect(readCheckoutConsent(form({ saveAddress: "on", phone: "12" }))).toMatchObject({ ok: false, errors: { phone: ["Enter a phone number with 5 to 20 digits"] } });
    const ticked = readCheckoutConsent(form({ saveAddress: "on", phone: "+33 4 12 34 56 78" }));
    expect(await keepConsentedAddress(t.prisma, ann.id, home, ticked)).toBeNull();
    // The same address again (a second order) is not added twice.
    expect(await keepConsentedAddress(t.prisma, ann.id, { ...home, city: "LYON" }, readCheckoutConsent(form({ saveAddress: "on" })))).toBeNull();
    const book = await findSavedAddresses(t.prisma, ann.id);
    expect(book).toHaveLength(1);
    expect(book[0]).toMatchObject({ ...home, phone: "+33 4 12 34 56 78" });
  });

  it("validates like the checkout address, and lets only the owner see, edit or delete an address", async () => {
    expect(savedAddressSchema.safeParse({ ...home, country: "XX", phone: "" }).error?.issues[0]).toMatchObject({ path: ["country"], message: "Choose a country from the list" });
    const [mine] = await findSavedAddresses(t.prisma, ann.id);
    expect(await getSavedAddress(t.prisma, bob.id, mine!.id)).toBeNull();
    expect(await saveAddress(t.prisma, bob.id, { ...home, name: "Bob", phone: "" }, mine!.id)).toMatchObject({ ok: false, code: "not-found" });
    expect(await deleteSavedAddress(t.prisma, bob.id, mine!.id)).toBe(false);
    expect((await getSavedAddress(t.prisma, ann.id, mine!.id))?.name).toBe("Ann Example");
    expect(await saveAddress(t.prisma, ann.id, { ...home, line2: "3rd floor", phone: "" }, mine!.id)).toMatchObject({ ok: true, created: false });
    expect((await getSavedAddress(t.prisma, ann.id, mine!.id))?.line2).toBe("3rd floor");
  });

  it("offers the address an order went to for Order again, else the latest", async () => {
    const office = await saveAddress(t.prisma, ann.id, { ...home, line1: "9 Quai Saint-Antoine", phone: "" });
    expect(office.ok).toBe(true);
    const first = (await findSavedAddresses(t.prisma, ann.id)).find((a) => a.line1 === home.line1)!;
    expect((await addressForReorder(t.prisma, ann.id, { ...home, line2: "3rd floor" }))?.id).toBe(first.id);
    expect((await addressForReorder(t.prisma, ann.id, { ...home, line1: "elsewhere" }))?.id).toBe(office.ok ? office.address.id : "");
    expect(await addressForReorder(t.prisma, bob.id, home)).toBeNull();
  });

  it(`keeps at most ${MAX_SAVED_ADDRESSES} addresses, and checkout still succeeds with a full book`, async () => {
    const have = await t.prisma.savedAddress.count({ where: { customerId: ann.id } });
    for (let i = have; i < MAX_SAVED_ADDRESSES; i++) expect(await saveAddress(t.prisma, ann.id, { ...home, line1: `${i} Rue`, phone: "" })).toMatchObject({ ok: true });
    expect(await saveAddress(t.prisma, ann.id, { ...home, line1: "One too many", phone: "" })).toMatchObject({ ok: false, code: "limit" });
    const consent = { ok: true as const, save: true, phone: "" };
    expect(await keepConsentedAddress(t.prisma, ann.id, { ...home, line1: "Another" }, consent)).toContain("address book is full");
    expect(await t.prisma.savedAddress.count({ where: { customerId: ann.id } })).toBe(MAX_SAVED_ADDRESSES);
  });

  it("npm run db:check reports a customer over the limits (written around the services)", async () => {
    const saved = async () => (await checkConsistency(t.prisma)).filter((f) => f.invariant.includes("saved"));
    expect(await saved()).toEqual([]);
    await t.prisma.savedAddress.create({ data: { ...home, line1: "Written directly", customerId: ann.id } });
    expect((await saved()).map((f) => f.detail)).toEqual([`customer ${ann.id} has ${MAX_SAVED_ADDRESSES + 1} saved addresses`]);
  });
});
