import type { Prisma } from "@/lib/db/client";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { containsText, searchText } from "@/lib/search-text";
import type { AuditChange } from "./changes";
import { entityLabels } from "./labels";

// CapacityWeek: entries of the weekly capacity model that work centres replaced, kept for the history.
export const AUDIT_ENTITIES = ["Product", "ProductVersion", "Settings", "WorkCentre", "ShopClosure", "CapacityWeek", "User", "Order"] as const;

export type AuditFilter = { entity?: string; action?: string; actor?: string; q?: string; from?: Date; to?: Date };

export type AuditRow = {
  id: string;
  at: Date;
  /** "Name <email>", or "System" for the scheduler's own changes. */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The entity as people know it: order number, product name, user email, work centre name. */
  entityLabel: string;
  summary: string;
  changes: AuditChange[];
};

export type AuditPage = { rows: AuditRow[]; total: number; next: string | null };

export const AUDIT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 1000;
const INSENSITIVE = "insensitive" as const;

// The log is read newest first, ties on the timestamp broken by id: a stable order that keyset paging
// (the cursor is the last row's timestamp and id) walks without skipping or repeating a row.
const ORDER: PrismaTypes.AuditLogOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** The cursor of a row: its timestamp and id, in a form safe for a URL. */
export function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

/** The row a cursor points after, or null when it is not one of ours (a hand-edited URL starts over). */
export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor || cursor.length > 200) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const [iso, id, extra] = text.split("|");
  if (!iso || !id || extra !== undefined || !/^[\w-]{1,64}$/.test(id)) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || at.toISOString() !== iso ? null : { at, id };
}

/**
 * The where clause of a filter. Text is looked for literally (lib/search-text.ts) in the summary and the
 * action, and also finds the entries of orders, products, users and work centres whose number or name
 * matches (looked up first: a handful of queries, whatever the number of entries).
 */
async function filterWhere(db: Prisma, filter: AuditFilter): Promise<PrismaTypes.AuditLogWhereInput> {
  const and: PrismaTypes.AuditLogWhereInput[] = [];
  if (filter.from || filter.to) and.push({ createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } });
  if (filter.entity) and.push({ entityType: filter.entity });
  if (filter.action) and.push({ action: filter.action });
  const actor = filter.actor ? containsText(filter.actor) : "";
  if (actor) and.push({ actor: { is: { OR: [{ email: { contains: actor, mode: INSENSITIVE } }, { name: { contains: actor, mode: INSENSITIVE } }] } } });
  const typed = filter.q ? searchText(filter.q) : "";
  if (typed) {
    const q = containsText(typed);
    const [orders, products, users, centres] = await Promise.all([
      db.order.findMany({ where: { number: { contains: q, mode: INSENSITIVE } }, select: { id: true }, take: 200 }),
      db.product.findMany({ where: { name: { contains: q, mode: INSENSITIVE } }, select: { id: true }, take: 200 }),
      db.user.findMany({ where: { OR: [{ email: { contains: q, mode: INSENSITIVE } }, { name: { contains: q, mode: INSENSITIVE } }] }, select: { id: true }, take: 200 }),
      db.workCentre.findMany({ where: { name: { contains: q, mode: INSENSITIVE } }, select: { id: true }, take: 200 }),
    ]);
    const ids = [typed, ...orders, ...products, ...users, ...centres].map((x) => (typeof x === "string" ? x : x.id));
    const productIds = products.map((p) => p.id);
    and.push({
      OR: [
        { summary: { contains: q, mode: INSENSITIVE } },
        { action: { contains: q, mode: INSENSITIVE } },
        { entityId: { in: ids } },
        // Draft entries name their product as "productId:vN".
        ...productIds.map((id) => ({ entityType: "ProductVersion", entityId: { startsWith: `${id}:` } })),
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

function parseChanges(value: unknown): AuditChange[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c) => {
    if (typeof c !== "object" || c === null || typeof (c as AuditChange).field !== "string") return [];
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return [{ field: (c as AuditChange).field, before: text((c as AuditChange).before), after: text((c as AuditChange).after) }];
  });
}

/**
 * One page of the audit log, newest first, after `cursor` (the last row of the previous page), with the
 * number of entries the filter matches and the cursor of the next page (null on the last one). Actors,
 * orders, products, versions, users, work centres and closures are shown by name, resolved per page.
 */
export async function findAuditPage(db: Prisma, filter: AuditFilter, { cursor, pageSize = AUDIT_PAGE_SIZE }: { cursor?: string; pageSize?: number } = {}): Promise<AuditPage> {
  const where = await filterWhere(db, filter);
  const after = decodeCursor(cursor);
  const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
  const paged: PrismaTypes.AuditLogWhereInput = after
    ? { AND: [where, { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] }
    : where;
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({ where: paged, orderBy: ORDER, take: size + 1, include: { actor: { select: { name: true, email: true } } } }),
    db.auditLog.count({ where }),
  ]);
  const page = entries.slice(0, size);
  const labels = await entityLabels(db, page);
  const rows = page.map((e) => ({
    id: e.id,
    at: e.createdAt,
    actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : "System",
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    entityLabel: labels.get(`${e.entityType}:${e.entityId}`) ?? e.entityId,
    summary: e.summary,
    changes: parseChanges(e.changes),
  }));
  const last = rows.at(-1);
  return { rows, total, next: entries.length > size && last ? encodeCursor(last) : null };
}

/** Every entry the filter matches (up to `max`), newest first, for the CSV export: read page by page. */
export async function findAuditRowsForExport(db: Prisma, filter: AuditFilter, max = 50_000): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let cursor: string | undefined;
  while (rows.length < max) {
    const page = await findAuditPage(db, filter, { cursor, pageSize: Math.min(MAX_PAGE_SIZE, max - rows.length) });
    rows.push(...page.rows);
    if (!page.next) break;
    cursor = page.next;
  }
  return rows;
}

/** The actions the log holds, for the filter's choices. */
export async function findAuditActions(db: Prisma): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

/** The newest 200 entries the filter matches (the first page of the older, unpaged view). */
export async function findAuditRows(db: Prisma, filter: AuditFilter): Promise<AuditRow[]> {
  return (await findAuditPage(db, filter, { pageSize: 200 })).rows;
}
