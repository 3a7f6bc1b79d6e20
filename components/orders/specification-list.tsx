import type { SnapshotChoice } from "@/lib/orders/snapshot";
import { formatCents } from "@/lib/money";

/** Every chosen option or value, grouped by option group, as ordered. */
export function SpecificationList({ choices, currency }: { choices: SnapshotChoice[]; currency: string }) {
  return (
    <dl className="divide-y divide-stone-100 text-sm">
      {choices.map((choice, i) => (
        <div key={`${choice.group}-${choice.option ?? i}`} className="flex flex-wrap justify-between gap-x-4 py-2">
          <dt className="text-stone-500">{choice.groupLabel}</dt>
          <dd className="text-right font-medium">
            {choice.label}
            {choice.priceCents !== 0 ? <span className="ml-2 font-normal text-stone-500">{formatCents(choice.priceCents, currency)}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
