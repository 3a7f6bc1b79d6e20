import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { CloneForm } from "@/components/admin/clone-form";
import { EditorDirtyProvider } from "@/components/admin/editor-dirty";
import { DefinitionOverview } from "@/components/admin/definition-overview";
import { DefinitionSection } from "@/components/admin/editor/definition-section";
import { ProductDetails } from "@/components/admin/product-details";
import { ProductStatus } from "@/components/admin/product-status";
import { PublishPanel } from "@/components/admin/publish-panel";
import { TestCaseList } from "@/components/admin/test-case-list";
import { VersionTable } from "@/components/admin/version-table";
import { requireAdmin } from "@/lib/auth/guards";
import { discardDraftAction, publishAction, saveDraftAction, updateProductAction } from "@/lib/catalog/editor/actions";
import { getProductForEditing } from "@/lib/catalog/editor/queries";
import { starterDefinition } from "@/lib/catalog/editor/schema";
import { changeProductStatusAction, cloneProductAction, deleteTestCaseAction, startDraftFromVersionAction, updateTestCaseAction } from "@/lib/catalog/versions/actions";
import { findTestCaseInputs } from "@/lib/catalog/versions/queries";
import { runTestCases } from "@/lib/catalog/versions/test-cases";
import { lintDefinition, lintReport, parseDefinition } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { getSettings } from "@/lib/settings/queries";
import { listWorkCentres } from "@/lib/workshop/queries";

export const metadata: Metadata = { title: "Edit product" };

/** One product: its details, the draft definition editor, publishing and the version history. */
export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/products/${id}`);
  const db = await getDb();
  const [product, settings, centres, currencies, testCases] = await Promise.all([
    getProductForEditing(db, id),
    getSettings(db),
    listWorkCentres(db),
    // Versions left behind by a change of shop currency are priced in the currency they were made in.
    db.productVersion.findMany({ where: { productId: id, currency: { not: null } }, select: { version: true, currency: true } }),
    findTestCaseInputs(db, id),
  ]);
  if (!product) notFound();
  const parsed = parseDefinition(product.draft.definition);
  const initial = parsed.ok ? parsed.definition : starterDefinition();
  // The editor loads the schema only once the admin edits, so it starts from the server's check of `initial`.
  const checked = parsed.ok ? parsed : parseDefinition(JSON.parse(JSON.stringify(initial)));
  const initialIssues = checked.ok ? [] : checked.issues;
  const hasDraft = product.draft.version !== null;
  const workCentres = centres.map(({ id, name, active }) => ({ id, name, active }));
  const report = hasDraft ? (parsed.ok ? lintDefinition(parsed.definition, workCentres) : lintReport(product.draft.definition, workCentres)) : null;
  const findings = report?.findings ?? [];
  // The saved test cases on the saved draft (or the version a new draft would start from).
  const testRuns = parsed.ok ? runTestCases(parsed.definition, testCases) : [];
  const archived = product.status === "ARCHIVED";
  const hasPublished = product.versions.some((v) => v.status === "PUBLISHED");
  const publishedVersions = product.versions.filter((v) => v.status === "PUBLISHED").length;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm"><Link href="/admin/products" className="text-brand-700 underline">Products</Link></p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="mr-auto text-2xl font-semibold">{product.name}{product.status !== "ACTIVE" ? <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 align-middle text-xs font-medium text-stone-800">{product.status === "ARCHIVED" ? "Archived" : "Unpublished"}</span> : null}</h1>
          {hasDraft ? <Link href={`/admin/products/${product.id}/preview`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Preview draft</Link> : null}
          {product.currentVersion ? <Link href={`/products/${product.slug}`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">View in catalog</Link> : null}
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {product.currentVersion ? `Published version ${product.currentVersion}` : hasPublished ? "Not in the catalog" : "Not published yet"}
          {hasDraft ? ` · draft v${product.draft.version} pending` : ""} · prices in {settings.currency}
        </p>
      </div>

      <ProductDetails defaultOpen={!product.currentVersion && !hasDraft} action={updateProductAction.bind(null, product.id)} initial={{ name: product.name, slug: product.slug, summary: product.summary, description: product.description, imageUrl: product.imageUrl }} />

      <EditorDirtyProvider>
        <section aria-labelledby="editor-title">
          <h2 id="editor-title" className="mb-3 text-xl font-semibold">Definition</h2>
          <DefinitionSection
            overview={<DefinitionOverview definition={initial} currency={settings.currency} level={3} />}
            editor={{ initial, initialIssues, action: saveDraftAction.bind(null, product.id), draftVersion: product.draft.version, currency: settings.currency, workCentres }}
          />
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
          <PublishPanel productId={product.id} findings={findings} witnesses={report?.witnesses} partial={report?.partial} action={publishAction} hasDraft={hasDraft} revision={product.draft.updatedAt?.toISOString() ?? ""} testRuns={testRuns} currency={settings.currency} />
        </section>
      </EditorDirtyProvider>

      <section aria-labelledby="tests-title">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="tests-title" className="mr-auto text-xl font-semibold">Test cases</h2>
          <Link href={`/admin/products/${product.id}/preview`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Add from the preview</Link>
        </div>
        <p className="mt-1 text-sm text-stone-600">Saved configurations with the validity, price and lead time they must keep. Publishing runs them on the draft and stops when one differs, unless you accept the new results.</p>
        <TestCaseList cases={testCases} runs={testRuns} currency={settings.currency} update={updateTestCaseAction.bind(null, product.id)} remove={deleteTestCaseAction.bind(null, product.id)} />
      </section>

      <section aria-labelledby="catalog-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="catalog-title" className="text-xl font-semibold">Catalog and copies</h2>
        <div className="mt-2"><ProductStatus status={product.status} inCatalog={product.currentVersion !== null} hasPublished={hasPublished} action={changeProductStatusAction.bind(null, product.id)} /></div>
        <h3 className="mt-4 text-sm font-semibold">Clone</h3>
        <p className="mb-2 text-sm text-stone-600">A new product with this one&apos;s texts, image and test cases, and {product.currentVersion ? `version ${product.currentVersion}` : "its latest version"} as its first draft.</p>
        <CloneForm action={cloneProductAction.bind(null, product.id)} name={product.name} slug={product.slug} />
      </section>

      <section aria-labelledby="versions-title">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="versions-title" className="mr-auto text-xl font-semibold">Versions</h2>
          {product.versions.length > 1 ? <Link href={`/admin/products/${product.id}/compare`} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">Compare versions</Link> : null}
        </div>
        <p className="mt-1 text-sm text-stone-600">{publishedVersions} published version(s). Starting a draft from an earlier version rolls back once you publish it.</p>
        <VersionTable productId={product.id} versions={product.versions} currency={settings.currency} versionCurrencies={Object.fromEntries(currencies.map((c) => [c.version, c.currency]))} rollback={archived ? undefined : startDraftFromVersionAction.bind(null, product.id)} changedDraft={product.draftChanged ? product.draft.version : null} />
      </section>
    </div>
  );
}
