import type { Tx } from "@/lib/db/types";
import type { OperationProgress } from "@/lib/orders/timeline";

/** An order's operations in routing order, as its customer follows them (label and status only). */
export async function findOperationProgress(db: Tx, orderId: string): Promise<OperationProgress[]> {
  return db.orderOperation.findMany({ where: { orderId }, orderBy: { seq: "asc" }, select: { label: true, status: true } });
}
