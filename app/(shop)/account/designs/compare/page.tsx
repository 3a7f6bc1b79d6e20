import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DesignLinks } from "@/components/designs/design-links";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { compareChoices } from "@/lib/designs/compare";
import type { DesignView } from "@/lib/designs/queries";
import { getDesigns } from "@/lib/designs/queries";
import { designIdSchema } from "@/lib/designs/schema";
import { formatCents } from "@/lib/money";

export const metadata: Metadata = { title: "Compare designs" };

type Props = { searchParams: Promise<{ id?: string | string[] }> };

const price = (d: DesignView) => (d.now ? formatCents(d.now.totalCents, d.now.currency) : "Not available");
const delivery = (d: DesignView) => (!d.now ? "—" : d.now.delivery.ok ? formatDate(d.now.delivery.promisedDate) : d.now.delivery.message);

/** Two of the customer's designs side by side, priced and dated now, with the rows that differ highlighted. */
export default async function CompareDesignsPage({ searchParams }: Props) {
  const raw = (await searchParams).id;
  const ids = [...new Set(Array.isArray(raw) ? raw : raw ? [raw] : [])];
  const user = await requireUser(`/account/designs/compare?${new URLSearchParams(ids.map((id) => ["id", id]))}`);
  if (ids.length !== 2) {
    return (
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="text-2xl font-semibold">Choose two designs to compare</h1>
        <p className="mt-2 text-stone-600">{ids.length < 2 ? "Tick two designs in your list, then choose Compare selected." : "Tick only two designs: the comparison shows two side by side."}</p>
        <Link href="/account/designs" className="mt-4 inline-block text-brand-700 underline">Back to your saved designs</Link>
      </div>
    );
  }
  if (!ids.every((id) => designIdSchema.safeParse(id).success)) notFound();
  const designs = await getDesigns(await getDb(), user.id, ids);
  const [a, b] = designs;
  if (!a || !b) notFound();
  const rows: { label: string; a: string; b: string; differs: boolean; strong?: boolean }[] = [
    { label: "Product", a: a.product.name, b: b.product.name, differs: a.product.name !== b.product.name },
    { label: "Price today", a: price(a), b: price(b), differs: price(a) !== price(b), strong: true },
    { label: "Estimated delivery", a: delivery(a), b: delivery(b), differs: delivery(a) !== delivery(b), strong: true },
    { label: "Quantity", a: String(a.quantity), b: String(b.quantity), differs: a.quantity !== b.quantity },
    ...compareChoices(a, b),
    { label: "Saved on", a: formatDate(a.createdAt), b: formatDate(b.createdAt), differs: formatDate(a.createdAt) !== formatDate(b.createdAt) },
  ];
  const differing = rows.filter((r) => r.differs).length;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-stone-600"><Link href="/account/designs" className="underline">Saved designs</Link> / compare</p>
        <h1 className="mt-1 text-2xl font-semibold">Compare designs</h1>
        <p className="mt-1 text-sm text-stone-600">{differing === 0 ? "These two designs are the same." : `${differing} ${differing === 1 ? "row differs" : "rows differ"}, highlighted below.`} Prices and dates are today’s.</p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table className="w-full table-fixed text-sm" data-testid="compare-table">
          <caption className="sr-only">The two designs side by side; rows that differ are marked</caption>
          <thead>
            <tr className="border-b border-stone-200 text-left">
              <th scope="col" className="w-[28%] px-2 py-2 font-medium text-stone-600 sm:w-1/4 sm:px-3">&nbsp;<span className="sr-only">Detail</span></th>
              <th scope="col" className="break-words px-2 py-2 text-base font-semibold sm:px-3">{a.name}</th>
              <th scope="col" className="break-words px-2 py-2 text-base font-semibold sm:px-3">{b.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className={`border-b border-stone-100 last:border-0 ${row.differs ? "bg-amber-50" : ""}`} data-differs={row.differs || undefined}>
                <th scope="row" className="break-words px-2 py-2 text-left font-medium text-stone-700 sm:px-3">
                  {row.label}
                  {row.differs ? <span className="mt-1 block w-fit whitespace-nowrap rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950 sm:ml-2 sm:mt-0 sm:inline-block">differs</span> : null}
                </th>
                <td className={`break-words px-2 py-2 sm:px-3 ${row.strong ? "font-semibold tabular-nums" : ""}`}>{row.a}</td>
                <td className={`break-words px-2 py-2 sm:px-3 ${row.strong ? "font-semibold tabular-nums" : ""}`}>{row.b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {[a, b].map((d) => (
          <div key={d.id} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
            <h2 className="break-words font-semibold">{d.name}</h2>
            {d.now?.changes.length ? (
              <ul className="list-disc pl-5 text-sm text-amber-900">{d.now.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
            ) : null}
            <DesignLinks design={d} />
          </div>
        ))}
      </div>
    </div>
  );
}
