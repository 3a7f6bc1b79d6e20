import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/auth/guards";
import { startDraftFromVersionAction } from "@/lib/catalog/versions/actions";
import { getProductVersion } from "@/lib/catalog/editor/queries";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/money";
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
  const d = row.definition;
  // A version left behind by a change of shop currency keeps the currency it was priced in.
  const money = (c: number) => formatCents(c, stamped?.currency ?? settings.currency);
  // Where hours go: the operation named, or the first one.
  const opLabel = (id: string | undefined) => (id === undefined ? d.routing[0]?.label : (d.routing.find((o) => o.id === id)?.label ?? id));
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
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[["Base price", money(d.basePriceCents)], ["Base lead days", d.baseLeadDays], ["Base production hours", d.routing.reduce((sum, o) => sum + o.hours, 0)], ["Premium", `${d.premiumPercent}%`]].map(([k, v]) => (
          <div key={String(k)} className="rounded-lg border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-500">{k}</dt><dd className="text-lg font-semibold">{v}</dd></div>
        ))}
      </dl>
      <section aria-labelledby="routing-title">
        <h2 id="routing-title" className="text-lg font-semibold">Routing</h2>
        <ol className="mt-2 space-y-1 text-sm">
          {d.routing.map((o, i) => (
            <li key={`${o.id}-${i}`} className="rounded border border-stone-200 bg-white px-3 py-2">
              {i + 1}. {o.label} <span className="text-xs text-stone-500">({o.id})</span> at <code>{o.workCentre}</code>: {o.hours} h per unit{o.setupHours ? ` + ${o.setupHours} h setup` : ""}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="g-title">
        <h2 id="g-title" className="text-lg font-semibold">Groups</h2>
        <ul className="mt-2 space-y-2">
          {d.groups.map((g) => (
            <li key={g.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <p className="font-medium">{g.label} <span className="text-xs text-stone-500">({g.id}, {g.type}{g.required ? ", required" : ""})</span></p>
              {g.type === "single" || g.type === "multi" ? (
                <ul className="mt-1 list-disc pl-5">{g.options.map((o) => <li key={o.id}>{o.label}: {money(o.priceCents)}, +{o.leadDays} d, {o.productionHours} h ({opLabel(o.operation)})</li>)}</ul>
              ) : g.type === "number" ? (
                <p className="mt-1">{g.min}–{g.max} {g.unit} (step {g.step}), {money(g.priceCentsPerUnit)} per {g.unit}</p>
              ) : (
                <p className="mt-1">Up to {g.maxLength} characters, {money(g.priceCents)}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="r-title">
        <h2 id="r-title" className="text-lg font-semibold">Rules</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {d.rules.map((r) => <li key={r.id} className="rounded border border-stone-200 bg-white px-3 py-2"><code>{r.id}</code> ({r.kind}): {r.message}</li>)}
          {d.rules.length === 0 ? <li className="text-stone-600">No rules.</li> : null}
        </ul>
      </section>
      <details className="rounded-lg border border-stone-200 bg-white p-3">
        <summary className="cursor-pointer font-medium">Definition JSON</summary>
        <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(d, null, 2)}</pre>
      </details>
    </div>
  );
}
