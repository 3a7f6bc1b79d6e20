import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DesignFacts } from "@/components/designs/design-facts";
import { DesignLinks } from "@/components/designs/design-links";
import { DesignManage } from "@/components/designs/design-manage";
import { SpecificationList } from "@/components/orders/specification-list";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { getDesigns } from "@/lib/designs/queries";
import { designIdSchema, MAX_DESIGN_NAME } from "@/lib/designs/schema";

export const metadata: Metadata = { title: "Saved design" };

/** One of the customer's saved designs: its choices today, price and date now, what changed; another customer's id is a 404. */
export default async function SavedDesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/account/designs/${encodeURIComponent(id)}`);
  if (!designIdSchema.safeParse(id).success) notFound();
  const [design] = await getDesigns(await getDb(), user.id, [id]);
  if (!design) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600"><Link href="/account/designs" className="underline">Saved designs</Link> / {design.product.name}</p>
        <h1 className="mt-1 break-words text-2xl font-semibold">{design.name}</h1>
        <p className="text-sm text-stone-600">Saved {formatDate(design.createdAt)}</p>
      </div>
      <section className="space-y-4 rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="spec">
        <h2 id="spec" className="text-lg font-semibold">Specification</h2>
        {design.now ? <SpecificationList choices={design.now.choices} currency={design.now.currency} /> : null}
        <DesignFacts design={design} />
        <DesignLinks design={design} />
      </section>
      <section className="rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="manage">
        <h2 id="manage" className="mb-3 text-lg font-semibold">Rename or delete</h2>
        <DesignManage id={design.id} name={design.name} maxName={MAX_DESIGN_NAME} />
      </section>
    </div>
  );
}
