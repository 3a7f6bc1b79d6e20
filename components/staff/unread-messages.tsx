/** Above the board: the orders whose customers wrote and are waiting for the workshop to read it (linking to each thread). */
export function UnreadMessages({ items }: { items: { number: string; count: number }[] }) {
  if (!items.length) return null;
  const total = items.reduce((sum, i) => sum + i.count, 0);
  return (
    <section aria-labelledby="unread-heading" className="mt-4 rounded-xl border border-red-200 bg-red-50 p-3 text-sm" data-testid="unread-summary">
      <h2 id="unread-heading" className="font-semibold text-red-900">
        {total} unread customer message{total === 1 ? "" : "s"} on {items.length} order{items.length === 1 ? "" : "s"}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {items.map((i) => (
          <li key={i.number}>
            <a href={`/staff/orders/${i.number}#messages`} className="inline-flex items-center gap-1 rounded-full border border-red-200 bg-white px-2.5 py-1 font-mono text-xs text-red-900 hover:bg-red-100">
              {i.number} <span className="font-sans font-semibold">{i.count}</span><span className="sr-only"> unread</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
