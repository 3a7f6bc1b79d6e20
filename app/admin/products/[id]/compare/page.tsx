import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { diffDefinitions } from "@/lib/catalog/versions/diff";
import { getVersionPair } from "@/lib/catalog/versions/queries";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";
import { VersionDiffView } from "./version-diff";

export const metadata: Metadata = { title: "Compare versions" };

const versionParam = (value: string | string[] | undefined) => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : null;
};

/** What changed between two versions of a product: groups, options, prices, rules and routing. */
export default async function CompareVersionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  await requireAdmin(`/admin/products/${id}/compare`);
  const db = await getDb();
  const requested = { from: versionParam(query.from), to: versionParam(query.to) };
  const first = await getVersionPair(db, id, requested.from ?? 0, requested.to ?? 0);
  if (!first) notFound();
  const { versions, product } = first;
  // Defaults: the newest version (the draft, if any) against the current one, or the one before it.
  const newest = versions[0]?.version ?? 1;
  const current = versions.find((v) => v.id === product.currentVersionId)?.version;
  const to = requested.to ?? newest;
  const from = requested.from ?? (current !== undefined && current !== to ? current : (versions.find((v) => v.version < to)?.version ?? to));
  const pair = requested.from === from && requested.to === to ? first : await getVersionPair(db, id, from, to);
  const settings = await getSettings(db);
  const label = (v: { version: number; status: string; id: string }) => `v${v.version}${v.status === "DRAFT" ? " (draft)" : v.id === product.currentVersionId ? " (current)" : ""}`;
  const select = (name: "from" | "to", value: number, text: string) => (
    <div>
      <label htmlFor={`compare-${name}`} className="block text-sm font-medium text-stone-700">{text}</label>
      <select id={`compare-${name}`} name={name} defaultValue={String(value)} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm">
        {versions.map((v) => <option key={v.id} value={v.version}>{label(v)}</option>)}
      </select>
    </div>
  );
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href={`/admin/products/${id}`} className="text-brand-700 underline">Back to {product.name}</Link></p>
        <h1 className="mt-1 text-2xl font-semibold">Compare versions of {product.name}</h1>
      </div>
      <form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Versions to compare">
        {select("from", from, "From")}
        {select("to", to, "To")}
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Compare</button>
      </form>
      {!pair?.from || !pair.to ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">This product has no version {!pair?.from ? from : to}. Choose versions from the lists.</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">Changes from <strong>{label(pair.from)}</strong> to <strong>{label(pair.to)}</strong>{pair.from.version > pair.to.version ? " (going back in time: what a rollback would change)" : ""}.</p>
          <VersionDiffView diff={diffDefinitions(pair.from.definition, pair.to.definition)} currency={settings.currency} />
        </>
      )}
    </div>
  );
}
