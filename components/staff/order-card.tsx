import { formatDate } from "@/lib/dates";
import { allowedTransitions, nextStage, TRANSITION_LABELS } from "@/lib/orders/state-machine";
import type { BoardCard } from "@/lib/production/board";
import { CancelForm } from "./cancel-form";
import { QuickAdvanceForm } from "./quick-advance-form";
import { daysLeftText, RiskBadge } from "./risk-badge";

const EDGE = { late: "border-l-red-600", at_risk: "border-l-amber-400", on_track: "border-l-transparent", done: "border-l-transparent" } as const;

/** One order on the board: who, what, when, how it stands, and its next step. */
export function OrderCard({ card }: { card: BoardCard }) {
  const next = nextStage(card.status);
  // The board is the workshop's: staff and admins may cancel in the same stages.
  const cancellable = allowedTransitions(card.status, "STAFF").includes("CANCELLED");
  return (
    <li className={`rounded-lg border border-l-4 border-stone-200 bg-white p-3 shadow-sm ${EDGE[card.risk]}`} data-testid="order-card" data-risk={card.risk}>
      <div className="flex items-start justify-between gap-2">
        {/* Plain links: a board of up to 160 cards would otherwise prefetch as many build sheets. */}
        <a href={`/staff/orders/${card.number}`} className="whitespace-nowrap font-mono text-xs font-semibold text-brand-700 underline-offset-2 hover:underline">
          {card.number}
        </a>
        <RiskBadge risk={card.risk} />
      </div>
      <p className="mt-1 text-sm font-medium text-stone-900">
        {card.productName}
        {card.quantity > 1 ? <span className="text-stone-500"> × {card.quantity}</span> : null}
      </p>
      <p className="text-sm text-stone-600">{card.customerName}</p>
      {card.status === "AWAITING_APPROVAL" ? (
        <p className="mt-1 text-xs text-orange-800" data-testid="hold-until">Approve by {card.holdUntil ? formatDate(card.holdUntil) : "-"}; books its hours when approved</p>
      ) : (
      <p className="mt-1 text-xs text-stone-500">
        Promised {formatDate(card.promisedDate)}
        {card.risk !== "done" ? <span className={card.risk === "late" ? "font-semibold text-red-700" : card.risk === "at_risk" ? "font-semibold text-amber-800" : ""}> · {daysLeftText(card.daysLeft)}</span> : null}
      </p>
      )}
      {next || cancellable ? (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {next === "SHIPPED" ? (
            <a href={`/staff/orders/${card.number}#ship`} className="rounded-md bg-brand-600 px-2.5 py-1.5 text-xs font-medium text-white hover:bg-brand-700">
              Ship…<span className="sr-only"> {card.number}</span>
            </a>
          ) : next ? (
            <QuickAdvanceForm number={card.number} from={card.status} to={next} label={TRANSITION_LABELS[next]} />
          ) : null}
          {cancellable ? <CancelForm number={card.number} from={card.status} size="sm" decline={card.status === "AWAITING_APPROVAL"} /> : null}
        </div>
      ) : null}
    </li>
  );
}
