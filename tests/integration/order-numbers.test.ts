import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getBuildSheet } from "@/lib/production/order-detail";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

// An order whose sequence has outgrown six digits opens for staff as it does for its customer.
const staff = vi.hoisted(() => ({ db: null as null | TestDatabase, user: null as null | { id: string; email: string; name: string; role: "STAFF"; active: boolean } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => staff.user }));
vi.mock("@/lib/db", () => ({ getDb: async () => staff.db?.prisma }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const NUMBER = "AT-2027-1234567";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  staff.db = t;
  const customer = await t.prisma.user.create({ data: { email: "clara@example.com", name: "Clara", passwordHash: "x" } });
  const member = await t.prisma.user.create({ data: { email: "staff@example.com", name: "Sam Staff", passwordHash: "x", role: "STAFF" } });
  staff.user = { id: member.id, email: member.email, name: member.name, role: "STAFF", active: true };
  const product = await t.prisma.product.create({ data: { slug: "desk", name: "Desk" } });
  const version = await t.prisma.productVersion.create({ data: { productId: product.id, version: 1, status: "PUBLISHED", definition: {} } });
  await t.prisma.order.create({
    data: {
      number: NUMBER, customerId: customer.id, productId: product.id, productVersionId: version.id, quantity: 1, selection: {}, snapshot: {},
      configHash: "h", currency: "EUR", unitPriceCents: 1000, totalCents: 1000, leadDays: 0, productionHours: 2,
      promisedDate: new Date("2027-06-01T00:00:00Z"), shippingAddress: { name: "Clara", city: "Lyon" }, idempotencyKey: "seven-digits", status: "PLACED",
    },
  });
});
afterAll(async () => {
  staff.db = null;
  await t?.drop();
});

describe(`order ${NUMBER} (a seven-digit sequence)`, () => {
  it("opens on the staff order page", async () => {
    const sheet = await getBuildSheet(t.prisma, NUMBER);
    expect(sheet).toMatchObject({ number: NUMBER, status: "PLACED", customer: { name: "Clara" }, product: { name: "Desk", version: 1 } });
  });

  it("moves to its next stage when staff confirm it", async () => {
    const { transitionOrderAction } = await import("@/lib/orders/staff-actions");
    const data = new FormData();
    for (const [key, value] of Object.entries({ number: NUMBER, expected: "PLACED", to: "CONFIRMED", note: "" })) data.set(key, value);
    expect(await transitionOrderAction({}, data)).toEqual({ ok: true, message: `${NUMBER} is now Confirmed.` });
    const order = await t.prisma.order.findUniqueOrThrow({ where: { number: NUMBER }, select: { status: true, events: { select: { toStatus: true, actorId: true } } } });
    expect(order.status).toBe("CONFIRMED");
    expect(order.events).toEqual([{ toStatus: "CONFIRMED", actorId: staff.user?.id }]);
    expect((await getBuildSheet(t.prisma, NUMBER))?.status).toBe("CONFIRMED");
  });
});
