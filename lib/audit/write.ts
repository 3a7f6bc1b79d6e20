import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/types";
import type { AuditChange } from "./changes";

export type { AuditChange } from "./changes";

export type AuditEntity = "Product" | "ProductVersion" | "Settings" | "WorkCentre" | "ShopClosure" | "User" | "Order";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: AuditEntity;
  entityId: string;
  summary: string;
  /** Machine-readable detail (ids, raw values) kept for support; the page and the CSV show `changes`. */
  data?: PrismaTypes.InputJsonValue;
  /** What changed, in words a reader understands: one row per field, before and after (null: none). */
  changes?: AuditChange[];
  /** When it happened, for records written after the fact (the demo seed's histories); default now. */
  at?: Date;
};

/** Records who changed what; call it inside the transaction that makes the change. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  const { changes, data, at, ...rest } = entry;
  await tx.auditLog.create({ data: { ...rest, data: data ?? undefined, changes: changes && changes.length > 0 ? changes : undefined, ...(at ? { createdAt: at } : {}) } });
}
