import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCsv } from "@/lib/audit/csv";
import { parseAuditSearch } from "@/lib/audit/filter";
import { decodeCursor, findAuditPage, findAuditRowsForExport } from "@/lib/audit/queries";
import { transitionOrder } from "@/lib/orders/transition";
import { updateSettings } from "@/lib/settings/service";
import { updateWorkCentre } from "@/lib/workshop/service";
import { createTestOrder } from "./helpers/orders";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";
import { setWorkshop } from "./helpers/workshop";

let t: TestDatabase;
const ids = { staff: "", admin: "", customer: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  await setWorkshop(t, [8, 8, 8, 8, 8, 0, 0], 3);
  ids.staff = (await t.prisma.user.create({ data: { email: "sam@example.com", name: "Sam Staff", passwordHash: "x", role: "STAFF" } })).id;
  ids.admin = (await t.prisma.user.create({ data: { email: "ada@example.com", name: "Ada Admin", passwordHash: "x", role: "ADMIN" } })).id;
  ids.customer = (await t.prisma.user.create({ data: { email: "cleo@example.com", name: "Cleo", passwordHash: "x" } })).id;
});
afterAll(() => t.drop());

describe("audit log: one entry per event, with before and after", () => {
  it("lists a staff transition once, by order number and staff name, with the status before and after", async () => {
    const order = await createTestOrder(t, { customer: { id: ids.customer, name: "Cleo", email: "cleo@example.com" }, status: "PLACED", hours: 2, now: new Date() });
    const result = await transitionOrder(t.prisma, { orderNumber: order.number, to: "CONFIRMED", expectedStatus: "PLACED", actor: { id: ids.staff, role: "STAFF" } });
    expect(result).toMatchObject({ ok: true });
    // The order has its timeline event and the log its entry; the page lists the transition once.
    expect(await t.prisma.orderEvent.count({ where: { orderId: order.id, toStatus: "CONFIRMED" } })).toBe(1);
    const page = await findAuditPage(t.prisma, { q: order.number });
    const transitions = page.rows.filter((r) => r.summary.includes("Confirmed"));
    expect(transitions).toHaveLength(1);
    const placed = page.rows.find((r) => r.action === "order.place");
    expect(placed).toMatchObject({ actor: "Cleo <cleo@example.com>", changes: [{ field: "Status", before: null, after: "Placed" }] });
    expect(transitions[0]).toMatchObject({
      actor: "Sam Staff <sam@example.com>",
      entityType: "Order",
      entityLabel: order.number,
      changes: [{ field: "Status", before: "Placed", after: "Confirmed" }],
    });
  });

  it("records a settings change field by field, with readable values", async () => {
    await updateSettings(t.prisma, { id: ids.admin }, { companyName: "Atelier", currency: "EUR", shippingDays: 5 });
    await updateSettings(t.prisma, { id: ids.admin }, { companyName: "Oak & Co", currency: "EUR", shippingDays: 5 }, {
      maxQuantity: 20, customerOpenHoursCap: 160, approvalHoursThreshold: 120, approvalValueThreshold: 2_000_000, approvalHoldDays: 3,
    });
    const [latest] = (await findAuditPage(t.prisma, { entity: "Settings" })).rows;
    expect(latest).toMatchObject({ entityLabel: "Shop settings", actor: "Ada Admin <ada@example.com>", summary: "Changed company name, approval above (value)" });
    expect(latest?.changes).toEqual([
      { field: "Company name", before: "Atelier", after: "Oak & Co" },
      { field: "Approval above (value)", before: "€150,000.00", after: "€20,000.00" },
    ]);
  });

  it("names a work centre and shows its old and new hours", async () => {
    await updateWorkCentre(t.prisma, { id: ids.admin }, { id: "workshop", name: "Joinery", weekdayHours: [8, 8, 8, 8, 6, 0, 0] });
    const [entry] = (await findAuditPage(t.prisma, { entity: "WorkCentre", actor: "ada" })).rows;
    expect(entry).toMatchObject({ entityLabel: "Joinery", action: "workshop.centre.update" });
    expect(entry?.changes.map((c) => c.field)).toEqual(["Name", "Weekday hours"]);
    expect(entry?.changes[1]?.after).toContain("Fri 6");
  });
});

describe("audit log: the migration copies order events no entry recorded", () => {
  it("copies an unrecorded event once, readable, and leaves recorded ones alone", async () => {
    const order = await t.prisma.order.findFirstOrThrow({ where: { status: "CONFIRMED" }, select: { id: true, number: true } });
    const lone = await t.prisma.orderEvent.create({ data: { orderId: order.id, fromStatus: "CONFIRMED", toStatus: "IN_PRODUCTION", actorId: ids.staff, note: "from an old release", createdAt: new Date(Date.UTC(2029, 0, 1)) } });
    const recorded = await t.prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, toStatus: "CONFIRMED" }, select: { id: true } });
    const sql = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261205110000_audit_changes_and_version_currency/migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("INSERT INTO"));
    await t.rawQuery(backfill);
    await t.rawQuery(backfill); // a second run copies nothing more
    expect(await t.prisma.auditLog.count({ where: { id: `ev_${lone.id}` } })).toBe(1);
    // The transition staff made has its audit entry (same transaction): not copied beside it.
    expect(await t.prisma.auditLog.count({ where: { id: `ev_${recorded.id}` } })).toBe(0);
    const [copied] = (await findAuditPage(t.prisma, { q: order.number, from: new Date(Date.UTC(2029, 0, 1)), to: new Date(Date.UTC(2029, 0, 2)) })).rows;
    expect(copied).toMatchObject({
      id: `ev_${lone.id}`, action: "order.transition", actor: "Sam Staff <sam@example.com>", entityLabel: order.number,
      summary: `${order.number}: Confirmed → In production: from an old release`,
      changes: [{ field: "Status", before: "Confirmed", after: "In production" }],
    });
  });
});

describe("audit log: paging, filters and CSV", () => {
  const base = Date.UTC(2030, 0, 1);
  beforeAll(async () => {
    // 260 entries, several sharing one timestamp (the id breaks the tie), all of one action.
    // One statement (not 260 writeAudit calls in a transaction: slow on a busy machine), the same row shape.
    await t.prisma.auditLog.createMany({
      data: Array.from({ length: 260 }, (_, i) => ({
        actorId: ids.admin, action: "test.bulk", entityType: "Settings", entityId: "1", createdAt: new Date(base + Math.floor(i / 3) * 1000),
        summary: i === 7 ? "=HYPERLINK(\"http://evil\")" : `Bulk entry ${i}`,
        changes: [{ field: "Counter", before: String(i), after: String(i + 1) }],
      })),
    });
  });

  it("walks over 250 entries page by page, newest first, each once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let total = 0;
    do {
      const page = await findAuditPage(t.prisma, { action: "test.bulk" }, { cursor, pageSize: 50 });
      total = page.total;
      seen.push(...page.rows.map((r) => r.id));
      const times = page.rows.map((r) => r.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor);
    expect(total).toBe(260);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(260);
  });

  it("filters by date range and by text", async () => {
    const { filter } = parseAuditSearch({ action: "test.bulk", from: "2030-01-01", to: "2030-01-01" });
    expect((await findAuditPage(t.prisma, filter)).total).toBe(260);
    const next = parseAuditSearch({ action: "test.bulk", from: "2030-01-02" });
    expect((await findAuditPage(t.prisma, next.filter)).total).toBe(0);
    expect((await findAuditPage(t.prisma, { q: "Bulk entry 25" })).rows.map((r) => r.summary).sort()).toEqual(["Bulk entry 25", "Bulk entry 250", "Bulk entry 251", "Bulk entry 252", "Bulk entry 253", "Bulk entry 254", "Bulk entry 255", "Bulk entry 256", "Bulk entry 257", "Bulk entry 258", "Bulk entry 259"]);
    expect(parseAuditSearch({ from: "not-a-day" }).badDate.from).toBe(true);
    expect(decodeCursor("garbage")).toBeNull();
  });

  it("exports the filtered log as CSV, formula text defused, changes readable", async () => {
    const rows = await findAuditRowsForExport(t.prisma, { action: "test.bulk" });
    expect(rows).toHaveLength(260);
    const csv = auditCsv(rows);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at_utc,actor,action,entity_type,entity,entity_id,summary,changes");
    expect(lines).toHaveLength(261);
    expect(lines[1]).toBe(`2030-01-01T00:01:26.000Z,Ada Admin <ada@example.com>,test.bulk,Settings,Shop settings,1,Bulk entry 259,Counter: 259 → 260`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
