/** Shown while a staff page loads. */
export default function StaffLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-stone-500">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" aria-hidden />
      Loading production…
    </div>
  );
}
