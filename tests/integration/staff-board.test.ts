import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextWeeks } from "@/lib/delivery/weeks";
import type { OrderStatus } from "@/lib/orders/status";
import { findBoard } from "@/lib/production/board";
import { findMaterialsAhead, materialsCsv } from "@/lib/production/materials";
import { getBuildSheet } from "@/lib/production/order-detail";
import { BOARD_PAGE_SIZE } from "@/lib/production/schema";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
const today = new Date("2031-03-05T10:00:00Z"); // Wednesday of 2031-W10
const [thisWeek = "", nextWeek = ""] = nextWeeks(today, 2);
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  const clara = await t.prisma.user.create({ data: { email: "clara@example.com", name: "Clara Customer", passwordHash: "x" } });
  const dev = await t.prisma.user.create({ data: { email: "dev@example.com", name: "Dev Customer", passwordHash: "x" } });
  const sofa = await t.prisma.product.create({ data: { slug: "sofa", name: "Sofa", sortOrder: 1 } });
  const desk = await t.prisma.product.create({ data: { slug: "desk", name: "Desk", sortOrder: 2 } });
  const sofaV = await t.prisma.productVersion.create({ data: { productId: sofa.id, version: 1, status: "PUBLISHED", definition: {} } });
  const deskV = await t.prisma.productVersion.create({ data: { productId: desk.id, version: 1, status: "PUBLISHED", definition: {} } });
  // Order 4 was to start yesterday (Tuesday), the others start next Monday: one hour each at the Workshop.
  const tuesday = new Date("2031-03-04T00:00:00Z");
  const monday = new Date("2031-03-10T00:00:00Z");
  await t.prisma.capacityDay.createMany({ data: [tuesday, monday].map((day) => ({ workCentreId: "workshop", day, capacityHours: 60 })) });
  const statuses: OrderStatus[] = ["PLACED", "CONFIRMED", "CANCELLED"];
  for (let i = 1; i <= 45; i++) {
    const isSofa = i % 3 !== 0;
    const status = i <= 25 ? "PLACED" : statuses[i % 3] ?? "PLACED";
    const order = await t.prisma.order.create({
      data: {
        number: `AT-2031-${String(i).padStart(6, "0")}`, customerId: i % 2 ? clara.id : dev.id, productId: isSofa ? sofa.id : desk.id,
        productVersionId: isSofa ? sofaV.id : deskV.id, quantity: 1, selection: {}, configHash: "h", currency: "EUR", unitPriceCents: 100,
        totalCents: 100, leadDays: 0, productionHours: 1, promisedDate: new Date(today.getTime() + (i - 3) * DAY), shippingAddress: { name: "C", city: "Bristol" },
        idempotencyKey: `k${i}`, status, notes: i === 1 ? "Please call before delivery" : "",
        snapshot: { choices: [{ group: "fabric", groupLabel: "Fabric", option: "wool", label: "Wool", value: null, unit: null, priceCents: 0 }, { group: "width", groupLabel: "Width", option: null, label: "180 cm", value: "180", unit: "cm", priceCents: 0 }], bom: [{ sku: "WOOL", name: "Wool, grey", quantity: 2 }, { sku: "LEG", quantity: 4 }] },
      },
    });
    const day = i === 4 ? tuesday : monday;
    const booked = status !== "CANCELLED";
    const operation = await t.prisma.orderOperation.create({
      data: { orderId: order.id, seq: 0, operationKey: "workshop", label: "Workshop", workCentreId: "workshop", hours: 1, plannedStart: booked ? day : null, plannedEnd: booked ? day : null },
    });
    if (booked) {
      await t.prisma.capacityBooking.create({ data: { orderId: order.id, operationId: operation.id, workCentreId: "workshop", day, hours: 1 } });
      await t.prisma.capacityDay.update({ where: { workCentreId_day: { workCentreId: "workshop", day } }, data: { bookedHours: { increment: 1 } } });
    }
  }
  // Cancelled orders 26-35 changed two days ago, 38-44 two months ago: only the recent ones stay on the board.
  await t.prisma.$executeRaw`UPDATE orders SET updated_at = ${new Date(today.getTime() - 2 * DAY)} WHERE status = 'CANCELLED' AND number <= 'AT-2031-000035'`;
  await t.prisma.$executeRaw`UPDATE orders SET updated_at = ${new Date(today.getTime() - 60 * DAY)} WHERE status = 'CANCELLED' AND number > 'AT-2031-000035'`;
});
afterAll(() => t.drop());

describe("staff board reads", () => {
  it("counts every column, pages each one and sorts open work by promised date", async () => {
    const board = await findBoard(t.prisma, { page: {} }, today);
    const placed = board.columns.find((c) => c.status === "PLACED");
    expect(board.total).toBe(32 + 6 + 4);
    expect(placed?.count).toBe(25 + 7);
    expect(board.finishedWindowDays).toBe(30);
    expect(placed?.cards).toHaveLength(BOARD_PAGE_SIZE);
    expect(placed?.pages).toBe(2);
    const dates = placed?.cards.map((c) => c.promisedDate.getTime()) ?? [];
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const second = await findBoard(t.prisma, { page: { PLACED: 2 } }, today);
    expect(second.columns.find((c) => c.status === "PLACED")?.cards).toHaveLength(12);
    // A link to a page the column no longer has (it shrank since) shows its last page, the other columns untouched.
    const past = await findBoard(t.prisma, { page: { PLACED: 9 } }, today);
    const pastPlaced = past.columns.find((c) => c.status === "PLACED");
    expect(pastPlaced?.page).toBe(2);
    expect(pastPlaced?.cards.map((c) => c.number)).toEqual(second.columns.find((c) => c.status === "PLACED")?.cards.map((c) => c.number));
    expect(past.columns.find((c) => c.status === "CONFIRMED")?.cards).toEqual(board.columns.find((c) => c.status === "CONFIRMED")?.cards);
    expect(board.products.map((p) => p.slug)).toEqual(["sofa", "desk"]);
  });

  it("keeps delivered and cancelled orders on the board for 30 days, and finds older ones by search", async () => {
    const board = await findBoard(t.prisma, { page: {} }, today);
    const cancelled = board.columns.find((c) => c.status === "CANCELLED");
    expect(cancelled?.count).toBe(4);
    expect(cancelled?.cards.map((c) => c.number).sort()).toEqual(["AT-2031-000026", "AT-2031-000029", "AT-2031-000032", "AT-2031-000035"]);
    const old = await findBoard(t.prisma, { q: "2031-000044", page: {} }, today);
    expect(old.finishedWindowDays).toBeNull();
    expect(old.columns.find((c) => c.status === "CANCELLED")?.cards.map((c) => c.number)).toEqual(["AT-2031-000044"]);
    const literal = await findBoard(t.prisma, { q: "2031_00004%", page: {} }, today);
    expect(literal.total).toBe(0); // wildcards in a search are plain characters
  });

  it("marks late and at-risk orders and counts days left", async () => {
    const board = await findBoard(t.prisma, { page: {} }, today);
    const cards = board.columns.flatMap((c) => c.cards);
    const byNumber = (n: number) => cards.find((c) => c.number === `AT-2031-${String(n).padStart(6, "0")}`);
    expect(byNumber(1)).toMatchObject({ risk: "late", daysLeft: -2 });
    expect(byNumber(4)).toMatchObject({ risk: "at_risk", daysLeft: 1 });
    expect(byNumber(10)).toMatchObject({ risk: "on_track", daysLeft: 7 });
  });

  it("searches by order number or customer and filters by product", async () => {
    const byNumber = await findBoard(t.prisma, { q: "2031-000007", page: {} }, today);
    expect(byNumber.total).toBe(1);
    const byCustomer = await findBoard(t.prisma, { q: "CLARA", page: {} }, today);
    expect(byCustomer.total).toBe(23);
    expect(byCustomer.columns.flatMap((c) => c.cards).every((c) => c.customerName === "Clara Customer")).toBe(true);
    const desks = await findBoard(t.prisma, { product: "desk", page: {} }, today);
    expect(desks.total).toBe(15);
    const both = await findBoard(t.prisma, { product: "desk", q: "dev@example", page: {} }, today);
    expect(both.columns.flatMap((c) => c.cards).every((c) => c.productName === "Desk" && c.customerName === "Dev Customer")).toBe(true);
  });

  it("plans materials per week for orders not yet in production, and exports them", async () => {
    const weeks = await findMaterialsAhead(t.prisma, today);
    const open = 25 + 7 + 6; // placed (32) and confirmed (6) orders
    expect(weeks[0]?.orders).toBe(1);
    expect(weeks[1]?.orders).toBe(open - 1);
    expect(weeks[1]?.lines).toEqual([
      expect.objectContaining({ sku: "LEG", name: "", quantity: 4 * (open - 1) }),
      expect.objectContaining({ sku: "WOOL", name: "Wool, grey", quantity: 2 * (open - 1) }),
    ]);
    const csv = materialsCsv(weeks);
    expect(csv.split("\r\n")).toContain(`${thisWeek},2031-03-03,WOOL,"Wool, grey",2,,0,2031-03-04,AT-2031-000004`);
  });

  it("reads a build sheet with every choice, its unit, the BOM and notes", async () => {
    const sheet = await getBuildSheet(t.prisma, "AT-2031-000001");
    expect(sheet?.options).toEqual([
      { groupLabel: "Fabric", label: "Wool", value: null, unit: null },
      { groupLabel: "Width", label: "180 cm", value: "180", unit: "cm" },
    ]);
    expect(sheet?.bom).toHaveLength(2);
    expect(sheet?.notes).toBe("Please call before delivery");
    expect(sheet?.customer.name).toBe("Clara Customer");
    expect(await getBuildSheet(t.prisma, "AT-2031-999999")).toBeNull();
  });
});
