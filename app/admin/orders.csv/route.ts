import { ordersCsv } from "@/lib/reports/orders-csv";
import { getAdmin } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** CSV export of every order with its options; admins only (checked here, not by the page). */
export async function GET() {
  const admin = await getAdmin();
  if (!admin) return new Response("Forbidden", { status: 403 });
  const csv = await ordersCsv(await getDb());
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="atelier-orders-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
