import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { DefinitionEditor } from "@/components/admin/editor/definition-editor";
import { ProductDetails } from "@/components/admin/product-details";
import { PublishPanel } from "@/components/admin/publish-panel";
import { VersionTable } from "@/components/admin/version-table";
import { requireAdmin } from "@/lib/auth/guards";
import { discardDraftAction, publishAction, saveDraftAction, updateProductAction } from "@/lib/catalog/editor/actions";
import { getProductForEditing } from "@/lib/catalog/editor/queries";
import { starterDefinition } from "@/lib/catalog/editor/schema";
import { lint, parseDefinition } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";
import { listWorkCentres } from "@/lib/workshop/queries";

export const metadata: Metadata = { title: "Edit product" };

/** One product: its details, the draft definition editor, publishing and the version history. */
export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/products/${id}`);
  const db = await getDb();
  const [product, settings, centres] = await Promise.all([getProductForEditing(db, id), getSettings(db), listWorkCentres(db)]);
  if (!product) notFound();
  const parsed = parseDefinition(product.draft.definition);
  const initial = parsed.ok ? parsed.definition : starterDefinition();
  // The editor loads the schema only once the admin edits, so it starts from the server's check of `initial`.
  const checked = parseDefinition(JSON.parse(JSON.stringify(initial)));
  const initialIssues = checked.ok ? [] : checked.issues;
  const hasDraft = product.draft.version !== null;
  const workCentres = centres.map(({ id, name, active }) => ({ id, name, active }));
  const findings = hasDraft ? lint(product.draft.definition, workCentres) : [];
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link href="/admin/products" className="text-brand-700 underline">Products</Link></p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="mr-auto text-2xl font-semibold">{product.name}</h1>
          {hasDraft ? <Link href={`/admin/products/${product.id}/preview`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Preview draft</Link> : null}
          {product.currentVersion ? <Link href={`/products/${product.slug}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">View in catalog</Link> : null}
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {product.currentVersion ? `Published version ${product.currentVersion}` : "Not published yet"}
          {hasDraft ? ` · draft v${product.draft.version} pending` : ""} · prices in {settings.currency}
        </p>
      </div>

      <ProductDetails defaultOpen={!product.currentVersion && !hasDraft} action={updateProductAction.bind(null, product.id)} initial={product} />

      <section aria-labelledby="editor-title">
        <h2 id="editor-title" className="mb-3 text-xl font-semibold">Definition</h2>
        <DefinitionEditor initial={initial} initialIssues={initialIssues} action={saveDraftAction.bind(null, product.id)} draftVersion={product.draft.version} currency={settings.currency} workCentres={workCentres} />
      </section>

      <section aria-labelledby="publish-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="publish-title" className="text-xl font-semibold">Publish</h2>
        <p className="mb-3 mt-1 text-sm text-stone-600">Publishing checks the saved draft, makes it the current version and updates the catalog. Orders keep the version they were priced from.</p>
        {hasDraft && product.currentVersion ? (
          <div className="mb-3 flex items-center gap-2 text-sm text-stone-600">
            Changed your mind?
            <ActionForm action={discardDraftAction.bind(null, product.id)} fields={{}} label="Discard draft" tone="danger" />
          </div>
        ) : null}
        <PublishPanel productId={product.id} findings={findings} action={publishAction} hasDraft={hasDraft} />
      </section>

      <section aria-labelledby="versions-title">
        <h2 id="versions-title" className="text-xl font-semibold">Versions</h2>
        <VersionTable productId={product.id} versions={product.versions} currency={settings.currency} />
      </section>
    </div>
  );
}
