import type { Metadata } from "next";
import Link from "next/link";
import { DesignFacts } from "@/components/designs/design-facts";
import { DesignLinks } from "@/components/designs/design-links";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { findDesigns } from "@/lib/designs/queries";
import { MAX_SAVED_DESIGNS } from "@/lib/designs/schema";

export const metadata: Metadata = { title: "Saved designs" };

type Props = { searchParams: Promise<{ saved?: string; deleted?: string }> };

/** The signed-in customer's saved designs, priced and dated now; pick two to compare. */
export default async function SavedDesignsPage({ searchParams }: Props) {
  const user = await requireUser("/account/designs");
  const { saved, deleted } = await searchParams;
  const designs = await findDesigns(await getDb(), user.id);
  const justSaved = saved ? designs.find((d) => d.id === saved) : undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Saved designs</h1>
        <p className="text-sm text-stone-600">{designs.length} of {MAX_SAVED_DESIGNS}</p>
      </div>
      <div aria-live="polite">
        {justSaved ? <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">Saved “{justSaved.name}”.</p> : null}
        {deleted ? <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">Design deleted.</p> : null}
      </div>
      {designs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
          You have no saved designs yet. In the configurator, choose <strong>Save design</strong> to keep one. <Link href="/" className="font-medium text-brand-700 underline">Browse the catalog</Link>
        </p>
      ) : (
        <form action="/account/designs/compare" method="get" className="space-y-4">
          <p className="text-sm text-stone-600">Tick two designs to compare them side by side.</p>
          <ul className="grid gap-4 md:grid-cols-2">
            {designs.map((design) => (
              <li key={design.id} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4" data-testid="design-card">
                <div className="flex items-start gap-3">
                  <input type="checkbox" name="id" value={design.id} id={`compare-${design.id}`} className="mt-1.5 h-4 w-4" aria-label={`Compare ${design.name}`} />
                  <div className="min-w-0">
                    <h2 className="break-words text-lg font-semibold"><Link href={`/account/designs/${design.id}`} className="hover:underline">{design.name}</Link></h2>
                    <p className="text-sm text-stone-600">{design.product.name} · saved {formatDate(design.createdAt)}</p>
                  </div>
                </div>
                <DesignFacts design={design} />
                <DesignLinks design={design} />
              </li>
            ))}
          </ul>
          {designs.length > 1 ? (
            <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Compare selected</button>
          ) : null}
        </form>
      )}
    </div>
  );
}
