import { STATUS_LABELS } from "@/lib/orders/status";
import type { BuildSheet } from "@/lib/production/order-detail";

const stamp = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Every status change of an order: when, what, who and why. */
export function OrderTimeline({ events }: { events: BuildSheet["events"] }) {
  return (
    <ol className="space-y-3 border-l-2 border-stone-200 pl-4">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
          <p className="text-sm font-medium">{STATUS_LABELS[event.to]}</p>
          <p className="text-xs text-stone-500">
            <time dateTime={event.at.toISOString()}>{stamp.format(event.at)} UTC</time>
            {event.actor ? ` · ${event.actor}` : ""}
          </p>
          {event.note ? <p className="mt-0.5 text-sm text-stone-700">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
