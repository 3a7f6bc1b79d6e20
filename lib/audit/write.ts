import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/types";

export type AuditEntity = "Product" | "ProductVersion" | "Settings" | "WorkCentre" | "ShopClosure" | "User" | "Order";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: AuditEntity;
  entityId: string;
  summary: string;
  data?: PrismaTypes.InputJsonValue;
};

/** Records who changed what; call it inside the transaction that makes the change. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, data: entry.data ?? undefined } });
}
