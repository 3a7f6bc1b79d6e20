import { formatDate } from "@/lib/dates";
import type { RevisionEntry } from "@/lib/orders/revision-queries";

/** The build sheet's banner once an order has been changed: when, which revision, and what changed (printed too). */
export function RevisionBanner({ revision }: { revision: RevisionEntry | null }) {
  if (!revision) return null;
  return (
    <section aria-label="Current revision" className="rounded-xl border-2 border-brand-600 bg-brand-50 p-4 print:border-black print:bg-white" data-testid="revision-banner">
      <p className="font-semibold text-brand-900 print:text-black">
        Changed on {formatDate(revision.decidedAt ?? revision.createdAt)} (revision {revision.number}): {revision.differences.join("; ") || "no visible difference"}
      </p>
      <p className="mt-1 text-sm text-stone-700">Build from this sheet only: earlier printed sheets of this order are out of date.</p>
    </section>
  );
}
