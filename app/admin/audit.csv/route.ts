import { auditCsv } from "@/lib/audit/csv";
import { parseAuditSearch } from "@/lib/audit/filter";
import { findAuditRowsForExport } from "@/lib/audit/queries";
import { authorizeRoute } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** CSV export of the audit log as filtered on the page (same query string); admins only, checked here. */
export async function GET(request: Request) {
  const caller = await authorizeRoute("admin");
  if (!caller.ok) return caller.response;
  const { filter } = parseAuditSearch(Object.fromEntries(new URL(request.url).searchParams));
  const csv = auditCsv(await findAuditRowsForExport(await getDb(), filter));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="atelier-audit-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
