/** Placeholder while an admin page loads. */
export default function AdminLoading() {
  return <p role="status" className="text-sm text-stone-600">Loading…</p>;
}
