import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { DefinitionOverview } from "@/components/admin/definition-overview";
import { requireAdmin } from "@/lib/auth/guards";
import { startDraftFromVersionAction } from "@/lib/catalog/versions/actions";
import { getProductVersion } from "@/lib/catalog/editor/queries";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Product version" };

/** One version of a product, read-only: base figures, groups, options and rules. */
export default async function VersionPage({ params }: { params: Promise<{ id: string; version: string }> }) {
  const { id, version } = await params;
  await requireAdmin(`/admin/products/${id}/versions/${version}`);
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1) notFound();
  const db = await getDb();
  const [row, settings, stamped] = await Promise.all([
    getProductVersion(db, id, n),
    getSettings(db),
    db.productVersion.findFirst({ where: { productId: id, version: n }, select: { currency: true } }),
  ]);
  if (!row) notFound();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href={`/admin/products/${id}`} className="text-brand-700 underline">Back to {row.product.name}</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">{row.product.name} v{row.version}</h1>
        <p className="text-sm text-stone-600">
          {row.status === "DRAFT" ? "Draft" : row.product.currentVersionId === row.id ? "Current published version" : "Earlier published version"}
          {row.publishedAt ? ` · published ${formatDate(row.publishedAt)}${row.publishedBy ? ` by ${row.publishedBy.name}` : ""}` : ""} · {row._count.orders} order(s)
          {row.note ? ` · ${row.note}` : ""}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {row.status === "PUBLISHED" ? (
            <ActionForm action={startDraftFromVersionAction.bind(null, id)} fields={{ version: String(row.version) }} label="Start a draft from this version">
              <label className="flex items-center gap-1 text-xs"><input type="checkbox" name="replace" className="h-3.5 w-3.5" /> Replace the draft if it has changes</label>
            </ActionForm>
          ) : null}
          {row.version > 1 ? <Link href={`/admin/products/${id}/compare?from=${row.version - 1}&to=${row.version}`} className="text-sm text-brand-700 underline">Compare with v{row.version - 1}</Link> : null}
        </div>
      </div>
      {/* A version left behind by a change of shop currency keeps the currency it was priced in. */}
      <DefinitionOverview definition={row.definition} currency={stamped?.currency ?? settings.currency} level={2} json />
    </div>
  );
}
