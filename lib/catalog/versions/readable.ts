import { parseDefinition } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";

export type UnreadableVersion = { slug: string; version: number; problem: string };

/**
 * Published versions that today's definition schema refuses. The catalog, re-orders and change orders read
 * them, so a stricter rule added to the schema (e.g. text patterns limited to what the linear-time engine
 * runs) must not leave one behind: `npm run db:check` lists them, to be fixed by a new version.
 */
export async function findUnreadableVersions(db: Prisma): Promise<UnreadableVersion[]> {
  const versions = await db.productVersion.findMany({
    where: { status: "PUBLISHED" },
    select: { version: true, definition: true, product: { select: { slug: true } } },
    orderBy: [{ productId: "asc" }, { version: "asc" }],
  });
  const unreadable: UnreadableVersion[] = [];
  for (const v of versions) {
    const parsed = parseDefinition(v.definition);
    if (parsed.ok) continue;
    const first = parsed.issues[0];
    unreadable.push({ slug: v.product.slug, version: v.version, problem: first ? `${first.path || "definition"}: ${first.message}` : "does not parse" });
  }
  return unreadable;
}
