import { authorizeRoute } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { ordersCsv } from "@/lib/reports/orders-csv";

export const dynamic = "force-dynamic";

/** CSV export of every order with its options; admins only (checked here, not by the page). */
export async function GET() {
  const caller = await authorizeRoute("admin");
  if (!caller.ok) return caller.response;
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
