import Link from "next/link";
import type { VersionRow } from "@/lib/catalog/editor/queries";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";

/** A product's versions, newest first: status, who published it, from-price and orders priced from it. */
export function VersionTable({ productId, versions, currency }: { productId: string; versions: VersionRow[]; currency: string }) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Versions</caption>
        <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
          <tr><th scope="col" className="px-3 py-2">Version</th><th scope="col" className="px-3 py-2">Status</th><th scope="col" className="px-3 py-2">Published</th><th scope="col" className="px-3 py-2">Note</th><th scope="col" className="px-3 py-2 text-right">From</th><th scope="col" className="px-3 py-2 text-right">Orders</th></tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {versions.map((v) => (
            <tr key={v.id}>
              <td className="px-3 py-2"><Link href={`/admin/products/${productId}/versions/${v.version}`} className="text-brand-700 underline">v{v.version}</Link></td>
              <td className="px-3 py-2">{v.status === "DRAFT" ? "Draft" : v.current ? "Current" : "Published"}</td>
              <td className="px-3 py-2">{v.publishedAt ? `${formatDate(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy}` : ""}` : "–"}</td>
              <td className="px-3 py-2">{v.note || "–"}</td>
              <td className="px-3 py-2 text-right">{v.fromPriceCents !== null ? formatCents(v.fromPriceCents, currency) : "–"}</td>
              <td className="px-3 py-2 text-right">{v.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
