/** Skeleton of the configurator while a product page renders for the first time. */
export default function ProductLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the configurator…</span>
      <div className="h-4 w-40 rounded bg-stone-200" />
      <div className="mt-4 h-9 w-72 rounded bg-stone-200" />
      <div className="mt-3 h-5 w-full max-w-xl rounded bg-stone-200" />
      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="aspect-[4/3] rounded-2xl bg-stone-200" />
        <div className="h-96 rounded-2xl bg-stone-200" />
      </div>
    </div>
  );
}
