import { formatDate } from "@/lib/dates";
import type { DesignView } from "@/lib/designs/queries";
import { formatCents } from "@/lib/money";

/** Today's price and delivery estimate of a design, and what changed since it was saved. */
export function DesignFacts({ design }: { design: DesignView }) {
  const now = design.now;
  if (!now) return null;
  return (
    <div className="space-y-2 text-sm">
      <p>
        <span className="text-lg font-semibold tabular-nums" data-testid="design-price">{formatCents(now.totalCents, now.currency)}</span>
        <span className="text-stone-600"> today{design.quantity > 1 ? ` for ${design.quantity}` : ""}</span>
        {now.totalCents !== design.saved.totalCents || now.currency !== design.saved.currency ? (
          <span className="text-stone-600"> (was {formatCents(design.saved.totalCents, design.saved.currency)} when saved)</span>
        ) : null}
      </p>
      <p className="text-stone-700">
        {now.delivery.ok ? <>Estimated delivery: <span className="font-medium">{formatDate(now.delivery.promisedDate)}</span>, if ordered today</> : now.delivery.message}
      </p>
      {now.changes.length ? (
        <div className="rounded-md bg-amber-50 p-2 text-amber-950" data-testid="design-changes">
          <p className="font-medium">What changed since you saved it</p>
          <ul className="list-disc pl-5">{now.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </div>
      ) : null}
      {!now.valid ? (
        <div className="rounded-md bg-red-50 p-2 text-red-800">
          <p className="font-medium">Needs attention before ordering</p>
          <ul className="list-disc pl-5">{now.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
