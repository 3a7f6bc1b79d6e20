/**
 * Shown only by the build-time render of the catalog (the database is not read during `next build`):
 * the server renders the real catalog on the first request, and this placeholder reloads the page each
 * second until it arrives. A meta refresh, not a client component: every page prefetches the catalog,
 * and the catalog's client components would be downloaded with each of those prefetches.
 */
export function CatalogWarmup() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white p-8 text-stone-600">
      <meta httpEquiv="refresh" content="1" />
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" />
      Loading the catalog…
    </div>
  );
}
