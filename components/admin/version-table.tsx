import Link from "next/link";
import type { FormState } from "@/lib/forms/state";
import type { VersionRow } from "@/lib/catalog/editor/queries";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { ActionForm } from "./action-form";

type Props = {
  productId: string;
  versions: VersionRow[];
  currency: string;
  /** Starts a draft from a version (bound to the product); absent while the product is archived. */
  rollback?: (s: FormState, f: FormData) => Promise<FormState>;
  /** The draft's number when it has changes a rollback would overwrite (the row then offers to replace it). */
  changedDraft: number | null;
  /** Versions priced in another currency than the shop's (left behind by a change of shop currency). */
  versionCurrencies?: Record<number, string | null>;
};

/** A product's versions, newest first: status, who published it, from-price (in the version's own currency), orders, compare and start-a-draft-from. */
export function VersionTable({ productId, versions, currency, rollback, changedDraft, versionCurrencies = {} }: Props) {
  const current = versions.find((v) => v.current) ?? versions.find((v) => v.status === "PUBLISHED");
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Versions</caption>
        <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
          <tr><th scope="col" className="px-3 py-2">Version</th><th scope="col" className="px-3 py-2">Status</th><th scope="col" className="px-3 py-2">Published</th><th scope="col" className="px-3 py-2">Note</th><th scope="col" className="px-3 py-2 text-right">From</th><th scope="col" className="px-3 py-2 text-right">Orders</th><th scope="col" className="px-3 py-2">Actions</th></tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {versions.map((v) => {
            // Compare with the current version, or (for the current one) with the version before it.
            const other = v.id === current?.id ? versions.find((x) => x.version < v.version) : current;
            const [from, to] = other ? (other.version < v.version ? [other.version, v.version] : [v.version, other.version]) : [null, null];
            return (
              <tr key={v.id}>
                <td className="px-3 py-2"><Link href={`/admin/products/${productId}/versions/${v.version}`} className="text-brand-700 underline">v{v.version}</Link></td>
                <td className="px-3 py-2">{v.status === "DRAFT" ? "Draft" : v.current ? "Current" : "Published"}</td>
                <td className="px-3 py-2">{v.publishedAt ? `${formatDate(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy}` : ""}` : "–"}</td>
                <td className="px-3 py-2">{v.note || "–"}</td>
                <td className="px-3 py-2 text-right">{v.fromPriceCents !== null ? formatCents(v.fromPriceCents, versionCurrencies[v.version] ?? currency) : "–"}</td>
                <td className="px-3 py-2 text-right">{v.orders}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    {from !== null ? (
                      <Link href={`/admin/products/${productId}/compare?from=${from}&to=${to}`} className="text-xs text-brand-700 underline">Compare v{from} with v{to}</Link>
                    ) : null}
                    {rollback && v.status === "PUBLISHED" ? (
                      <ActionForm action={rollback} fields={{ version: String(v.version) }} label={`Start a draft from v${v.version}`}>
                        {changedDraft !== null ? (
                          <label className="flex items-center gap-1 text-xs"><input type="checkbox" name="replace" className="h-3.5 w-3.5" /> Replace draft v{changedDraft}</label>
                        ) : null}
                      </ActionForm>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
