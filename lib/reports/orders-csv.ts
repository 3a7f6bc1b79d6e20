import { toCsv } from "@/lib/csv";
import type { Prisma } from "@/lib/db/client";

export { csvCell, toCsv } from "@/lib/csv";

const HEADER = ["order", "created_at", "status", "customer_email", "product", "version", "quantity", "currency", "unit_price", "total", "lead_days", "production_hours", "promised_date", "delivered_at", "options", "revision", "changes", "change_price_effect", "pending_change_request"];

/** Every order with its chosen options (one "Group: Label" list per row), newest first, as CSV. */
export async function ordersCsv(db: Prisma): Promise<string> {
  const orders = await db.order.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      number: true,
      createdAt: true,
      status: true,
      quantity: true,
      currency: true,
      unitPriceCents: true,
      totalCents: true,
      leadDays: true,
      productionHours: true,
      promisedDate: true,
      deliveredAt: true,
      customer: { select: { email: true } },
      product: { select: { name: true } },
      productVersion: { select: { version: true } },
      options: { select: { groupLabel: true, label: true, value: true, unit: true } },
      revision: true,
      revisions: { select: { status: true, totalBeforeCents: true, totalAfterCents: true } },
    },
  });
  const money = (cents: number) => (cents / 100).toFixed(2);
  return toCsv([
    HEADER,
    ...orders.map((o) => [
      o.number,
      o.createdAt.toISOString(),
      o.status,
      o.customer.email,
      o.product.name,
      o.productVersion.version,
      o.quantity,
      o.currency,
      money(o.unitPriceCents),
      money(o.totalCents),
      o.leadDays,
      o.productionHours,
      o.promisedDate.toISOString().slice(0, 10),
      o.deliveredAt?.toISOString() ?? "",
      o.options.map((opt) => `${opt.groupLabel}: ${opt.value ? `${opt.value}${opt.unit ? ` ${opt.unit}` : ""}` : opt.label}`).join("; "),
      // Change orders (issue 23): the current revision, how many changes were applied and what they did to the price.
      o.revision,
      o.revisions.filter((r) => r.status === "APPLIED").length,
      money(o.revisions.filter((r) => r.status === "APPLIED").reduce((sum, r) => sum + r.totalAfterCents - r.totalBeforeCents, 0)),
      o.revisions.some((r) => r.status === "PENDING") ? "yes" : "no",
    ]),
  ]);
}
