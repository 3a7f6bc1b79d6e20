import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guards";
import { findAdminProducts } from "@/lib/catalog/editor/queries";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Products" };

/** The products with their published version, pending draft and orders; archived ones behind a filter. */
export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/products");
  const archived = (await searchParams).show === "archived";
  const db = await getDb();
  const [products, settings] = await Promise.all([findAdminProducts(db, { archived }), getSettings(db)]);
  const tab = (on: boolean) => `rounded-md px-3 py-1.5 text-sm ${on ? "bg-stone-800 text-white" : "border border-stone-300 hover:bg-stone-100"}`;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">Products</h1>
        <Link href="/admin/products/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">New product</Link>
      </div>
      <nav aria-label="Product filter" className="mt-3 flex gap-2">
        <Link href="/admin/products" className={tab(!archived)} aria-current={!archived ? "page" : undefined}>Products</Link>
        <Link href="/admin/products?show=archived" className={tab(archived)} aria-current={archived ? "page" : undefined}>Archived</Link>
      </nav>
      <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Products</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr><th scope="col" className="px-3 py-2">Product</th><th scope="col" className="px-3 py-2">Status</th><th scope="col" className="px-3 py-2 text-right">From</th><th scope="col" className="px-3 py-2 text-right">Orders</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {products.map((p) => (
              <tr key={p.id}>
                <td className="px-3 py-2">
                  <Link href={`/admin/products/${p.id}`} className="font-medium text-brand-700 underline">{p.name}</Link>
                  <div className="text-xs text-stone-500">/{p.slug}</div>
                </td>
                <td className="px-3 py-2">
                  {p.status === "ARCHIVED" ? <span className="mr-1 rounded bg-stone-200 px-2 py-0.5 text-xs text-stone-800">Archived</span> : p.status === "UNPUBLISHED" ? <span className="mr-1 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">Unpublished</span> : p.publishedVersion ? <span className="mr-1 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">Published v{p.publishedVersion}</span> : <span className="mr-1 rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-700">Not published</span>}
                  {p.draftVersion ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Draft v{p.draftVersion} pending</span> : null}
                </td>
                <td className="px-3 py-2 text-right">{p.fromPriceCents !== null ? formatCents(p.fromPriceCents, settings.currency) : "–"}</td>
                <td className="px-3 py-2 text-right">{p.orders}</td>
              </tr>
            ))}
            {products.length === 0 ? <tr><td colSpan={4} className="px-3 py-6 text-center text-stone-600">{archived ? "No archived products." : "No products yet."}</td></tr> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
