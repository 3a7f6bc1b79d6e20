import type { Prisma } from "@/lib/db/client";
import { containsText, searchText } from "@/lib/search-text";
import { STATUS_LABELS } from "@/lib/orders/status";

// CapacityWeek: entries of the weekly capacity model that work centres replaced, kept for the history.
export const AUDIT_ENTITIES = ["Product", "ProductVersion", "Settings", "WorkCentre", "ShopClosure", "CapacityWeek", "User", "Order"] as const;

export type AuditFilter = { entity?: string; actor?: string; q?: string; from?: Date; to?: Date };

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
};

const LIMIT = 200;

/**
 * The audit trail, newest first: admin changes from the audit log merged with order transitions
 * (each OrderEvent is the audit record of a transition), filtered by entity, actor, text and dates.
 */
export async function findAuditRows(db: Prisma, filter: AuditFilter): Promise<AuditRow[]> {
  // Typed text is looked for literally (see lib/search-text.ts); the exact-id match takes it as typed.
  const typed = filter.q ? searchText(filter.q) : "";
  const q = containsText(typed);
  const actor = filter.actor ? containsText(filter.actor) : "";
  const createdAt = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  const actorWhere = actor ? { actor: { is: { email: { contains: actor, mode: "insensitive" as const } } } } : {};
  const wantsEvents = !filter.entity || filter.entity === "Order";
  const [log, events] = await Promise.all([
    db.auditLog.findMany({
          where: {
            createdAt,
            ...(filter.entity ? { entityType: filter.entity } : {}),
            ...actorWhere,
            ...(q ? { OR: [{ summary: { contains: q, mode: "insensitive" } }, { action: { contains: q, mode: "insensitive" } }, { entityId: typed }] } : {}),
          },
          orderBy: { createdAt: "desc" },
          take: LIMIT,
          include: { actor: { select: { name: true, email: true } } },
        }),
    wantsEvents
      ? db.orderEvent.findMany({
          where: {
            createdAt,
            ...actorWhere,
            ...(q ? { OR: [{ order: { number: { contains: q, mode: "insensitive" } } }, { note: { contains: q, mode: "insensitive" } }] } : {}),
          },
          orderBy: { createdAt: "desc" },
          take: LIMIT,
          include: { actor: { select: { name: true, email: true } }, order: { select: { number: true } } },
        })
      : [],
  ]);
  const rows: AuditRow[] = [
    ...log.map((e) => ({
      id: e.id,
      at: e.createdAt,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : "System",
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary,
    })),
    ...events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : "System",
      action: "order.transition",
      entityType: "Order",
      entityId: e.order.number,
      summary: `${e.fromStatus ? STATUS_LABELS[e.fromStatus] : "New"} → ${STATUS_LABELS[e.toStatus]}${e.note ? `: ${e.note}` : ""}`,
    })),
  ];
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, LIMIT);
}
