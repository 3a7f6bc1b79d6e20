import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FinishOperationForm, StartOperationForm } from "@/components/staff/floor-forms";
import { LiveUpdates } from "@/components/staff/live-updates";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { rollForwardBeforeReading } from "@/lib/production/late-work";
import { findCentreQueue, type QueueItem } from "@/lib/production/shop-floor";

type Props = { params: Promise<{ centre: string }> };

const CENTRE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const hours = (h: number) => `${Math.round(h * 100) / 100} h`;
const clock = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Shop floor: ${decodeURIComponent((await params).centre)}` };
}

function planned(item: QueueItem): string {
  if (!item.plannedStart) return "Not planned";
  const start = formatDate(item.plannedStart);
  const end = item.plannedEnd ? formatDate(item.plannedEnd) : start;
  return start === end ? start : `${start} – ${end}`;
}

/** One work centre's queue on a tablet: running work with its finish form, then what comes next, start buttons where it may start. */
export default async function CentreQueuePage({ params }: Props) {
  const raw = decodeURIComponent((await params).centre);
  await requireStaff(`/staff/floor/${encodeURIComponent(raw)}`);
  if (!CENTRE_ID.test(raw)) notFound();
  const db = await getDb();
  await rollForwardBeforeReading(db);
  const data = await findCentreQueue(db, raw);
  if (!data) notFound();
  const { centre, queue, finished } = data;
  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-stone-500"><Link href="/staff/floor" className="underline">Shop floor</Link> / {centre.name}</p>
          <h1 className="mt-1 text-2xl font-semibold">{centre.name}</h1>
          <p className="text-sm text-stone-600">{queue.length} in queue · planned order{centre.active ? "" : " · this centre is not in use"}</p>
        </div>
        <LiveUpdates />
      </div>

      <section aria-labelledby="queue-heading" className="mt-6">
        <h2 id="queue-heading" className="sr-only">Queue</h2>
        {queue.length ? (
          <ol className="space-y-3">
            {queue.map((item) => (
              <li
                key={item.operationId}
                className={`rounded-xl border bg-white p-4 shadow-sm ${item.status === "RUNNING" ? "border-amber-400 ring-1 ring-amber-300" : "border-stone-200"}`}
                data-testid="queue-item"
                data-order={item.orderNumber}
                data-status={item.status}
              >
                <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                  <div className="min-w-0">
                    <p className="text-lg font-semibold">
                      {item.label} <span className="font-normal text-stone-600">· {item.productName}{item.quantity > 1 ? ` × ${item.quantity}` : ""}</span>
                    </p>
                    <p className="text-sm text-stone-700">
                      <Link href={`/staff/orders/${item.orderNumber}`} className="font-mono text-brand-700 underline">{item.orderNumber}</Link>
                      {" · "}{hours(item.hours)} planned · {planned(item)}
                    </p>
                    <p className="mt-1 flex flex-wrap gap-2 text-xs">
                      {item.status === "RUNNING" ? (
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">In progress{item.startedBy ? ` · ${item.startedBy}` : ""}{item.startedAt ? ` since ${clock.format(item.startedAt)} UTC` : ""}</span>
                      ) : item.waitingFor ? (
                        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-700" data-testid="waiting">Waiting for {item.waitingFor}</span>
                      ) : (
                        <span className="rounded-full bg-green-50 px-2 py-0.5 font-medium text-green-800 ring-1 ring-inset ring-green-200">Ready to start</span>
                      )}
                      {item.atRisk ? <span className="rounded-full bg-amber-100 px-2 py-0.5 font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">At risk</span> : null}
                      <span className="text-stone-600">Promised {formatDate(item.promisedDate)}</span>
                    </p>
                  </div>
                  <div className="w-full sm:w-auto">
                    {item.status === "RUNNING" ? (
                      <FinishOperationForm operationId={item.operationId} label={`${item.label} of ${item.orderNumber}`} plannedHours={item.hours} />
                    ) : item.waitingFor ? null : (
                      <StartOperationForm operationId={item.operationId} label={`${item.label} of ${item.orderNumber}`} />
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600">Nothing queued here.</p>
        )}
      </section>

      <section aria-labelledby="finished-heading" className="mt-8">
        <h2 id="finished-heading" className="text-lg font-semibold">Finished lately</h2>
        {finished.length ? (
          <ul className="mt-2 divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white text-sm" data-testid="finished">
            {finished.map((f) => (
              <li key={f.operationId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <span><span className="font-medium">{f.label}</span> · <span className="font-mono">{f.orderNumber}</span> · {f.productName}</span>
                <span className="text-stone-700">{f.finishedBy ?? "Someone"}, {clock.format(f.finishedAt)} UTC · {f.actualHours !== null ? hours(f.actualHours) : "-"} actual of {hours(f.hours)}</span>
              </li>
            ))}
          </ul>
        ) : <p className="mt-2 text-sm text-stone-600">Nothing finished here in the last 7 days.</p>}
      </section>
    </div>
  );
}
