import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { getProductForEditing } from "@/lib/catalog/editor/queries";
import { createTestCaseAction } from "@/lib/catalog/versions/actions";
import { parseDefinition } from "@/lib/configurator";
import { initialView } from "@/lib/configurator/view";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";
import { configuratorContent } from "@/components/configurator/static-content";
import { PreviewWithTestCase } from "./save-test-case";

export const metadata: Metadata = { title: "Preview draft" };

/** The saved draft in the real configurator, before publishing (ordering is off). */
export default async function PreviewDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/products/${id}/preview`);
  const db = await getDb();
  const [product, settings] = await Promise.all([getProductForEditing(db, id), getSettings(db)]);
  if (!product) notFound();
  const parsed = parseDefinition(product.draft.definition);
  return (
    <div>
      <p className="text-sm"><Link href={`/admin/products/${product.id}`} className="text-brand-700 underline">Back to {product.name}</Link></p>
      <h1 className="mb-4 mt-1 text-2xl font-semibold">{product.name}: draft {product.draft.version ? `v${product.draft.version}` : "(published version)"}</h1>
      {parsed.ok ? (
        <>
          <div role="note" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            <strong>Preview</strong>: this is how customers will see this version. Ordering is off.
          </div>
          <PreviewWithTestCase
            intro={
              <>
                <h2 id="save-case-title" className="text-lg font-semibold">Save this configuration as a test case</h2>
                <p className="mt-1 text-sm text-stone-600">Its current validity, price, lead days and hours become what it must keep; every publish checks them on the draft.</p>
              </>
            }
            product={{ slug: product.slug, name: product.name }} definition={parsed.definition} currency={settings.currency} content={configuratorContent(parsed.definition, settings.currency)} initial={initialView(parsed.definition, settings.currency)} action={createTestCaseAction.bind(null, product.id)} />
        </>
      ) : (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">The draft is not a valid definition yet; fix it in the editor first.</p>
      )}
    </div>
  );
}
