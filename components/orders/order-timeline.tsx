import { formatDate } from "@/lib/dates";
import type { TimelineStep } from "@/lib/orders/timeline";

const stamp = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/**
 * Vertical timeline of an order: the customer's stages (done with dates, current, to come; buildTimeline)
 * or, `detailed`, the workshop's history of every change with its time and who made it (eventHistory).
 */
export function OrderTimeline({ steps, detailed = false }: { steps: TimelineStep[]; detailed?: boolean }) {
  return (
    <ol className="space-y-0" aria-label={detailed ? "Order history" : "Order progress"}>
      {steps.map((step, i) => (
        <li key={step.id ?? step.status} className="relative flex gap-3 pb-5 last:pb-0" aria-current={step.state === "current" ? "step" : undefined} data-state={step.state}>
          {i < steps.length - 1 ? <span aria-hidden className={`absolute left-[11px] top-6 h-full w-0.5 ${step.state === "done" ? "bg-brand-600" : "bg-stone-200"}`} /> : null}
          <span
            aria-hidden
            className={`relative z-10 grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-bold ${
              step.status === "CANCELLED" ? "bg-stone-500 text-white" : step.state === "done" ? "bg-brand-600 text-white" : step.state === "current" ? "border-2 border-brand-600 bg-white text-brand-700" : "border-2 border-stone-200 bg-white"
            }`}
          >
            {step.state === "done" ? "✓" : step.status === "CANCELLED" ? "×" : ""}
          </span>
          <div>
            <p className={`font-medium ${step.state === "upcoming" ? "text-stone-500" : ""}`}>
              {step.label}
              <span className="sr-only"> ({step.state === "done" ? "done" : step.state === "current" ? "current stage" : "to come"})</span>
            </p>
            {step.at && detailed ? (
              <p className="text-xs text-stone-500">
                <time dateTime={step.at.toISOString()}>{stamp.format(step.at)} UTC</time>
                {step.actor ? ` · ${step.actor}` : ""}
              </p>
            ) : step.at ? <p className="text-xs text-stone-500">{formatDate(step.at)}</p> : null}
            {step.note ? <p className={detailed ? "mt-0.5 text-sm text-stone-700" : "text-xs text-stone-600"} data-testid={step.operations ? "current-operation" : undefined}>{step.note}</p> : null}
            {step.operations?.length ? (
              <ul className="mt-1.5 space-y-0.5 text-xs" aria-label="Operations" data-testid="operations">
                {step.operations.map((op, j) => (
                  <li key={`${op.label}-${j}`} className="flex items-center gap-1.5" data-state={op.state}>
                    <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${op.state === "done" ? "bg-brand-600" : op.state === "current" ? "animate-pulse bg-amber-500" : "bg-stone-300"}`} />
                    <span className={op.state === "upcoming" ? "text-stone-500" : "text-stone-700"}>
                      {op.label}
                      <span className={op.state === "current" ? "font-medium text-amber-800" : "text-stone-500"}>{op.state === "done" ? " - done" : op.state === "current" ? " - in progress" : ""}</span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
