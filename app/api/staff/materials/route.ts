import { authorizeRoute } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { findMaterialsAhead, materialsCsv } from "@/lib/production/materials";

export const dynamic = "force-dynamic";

/** The materials plan for the next 12 weeks as a CSV download. */
export async function GET(): Promise<Response> {
  const caller = await authorizeRoute("staff");
  if (!caller.ok) return caller.response;
  const today = new Date();
  const csv = materialsCsv(await findMaterialsAhead(await getDb(), today));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="atelier-materials-${today.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
