import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessagesThread } from "@/components/orders/messages-thread";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import { TrackingLine } from "@/components/orders/tracking-line";
import { LiveUpdates } from "@/components/staff/live-updates";
import { RepromiseForm } from "@/components/staff/repromise-form";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { openThread } from "@/lib/messages/queries";
import { formatCents } from "@/lib/money";
import { eventHistory } from "@/lib/orders/timeline";
import { getBuildSheet } from "@/lib/production/order-detail";
import { readPlannedDate } from "@/lib/production/repromise";
import { ChangeRequestPanel } from "@/components/staff/change-request-panel";
import { RevisionBanner } from "@/components/staff/revision-banner";
import { currentRevision, findOrderRevisions } from "@/lib/orders/revision-queries";
import { OrderActions } from "./order-actions";
import { PrintButton } from "./print-button";
import "./build-sheet.css";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Build sheet ${(await params).number}` };
}

const ADDRESS_KEYS = ["name", "line1", "line2", "postalCode", "city", "region", "country"];

/** The build sheet of one order (every choice, BOM, notes), its timeline and the steps allowed now. */
export default async function StaffOrderPage({ params }: Props) {
  const { number: raw } = await params;
  const user = await requireStaff(`/staff/orders/${raw}`);
  const db = await getDb();
  const order = await getBuildSheet(db, decodeURIComponent(raw));
  if (!order) notFound();
  const [planned, messages] = await Promise.all([order.atRisk ? readPlannedDate(db, order.id) : null, openThread(db, order.id, "STAFF")]);
  const plannedDay = (planned ?? order.promisedDate).toISOString().slice(0, 10);
  const revisions = await findOrderRevisions(db, order.id);
  const revision = currentRevision(revisions);
  const requests = revisions.filter((r) => r.status === "PENDING");
  const address = ADDRESS_KEYS.map((k) => order.shippingAddress[k]).filter(Boolean);
  return (
    <article data-build-sheet className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm print:hidden" data-no-print>
        <Link href="/staff" className="text-brand-700 underline">← Board</Link>
        <span className="ml-auto"><LiveUpdates orderId={order.id} /></span>
        <PrintButton />
      </div>
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-stone-200 pb-4">
        <div>
          <p className="text-xs uppercase tracking-wide text-stone-500">Build sheet</p>
          <h1 className="font-mono text-2xl font-semibold">{order.number}</h1>
          <p className="mt-1 text-lg">{order.product.name} <span className="text-sm text-stone-500">v{order.product.version}</span></p>
          <p className="text-sm font-medium" data-testid="revision-number">Revision {revision?.number ?? 1}</p>
        </div>
        <div className="text-right text-sm">
          <span data-testid="order-stage"><StatusBadge status={order.status} /></span>
          <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 text-left">
            <dt className="text-stone-500">Quantity</dt><dd className="font-semibold" data-testid="quantity">{order.quantity}</dd>
            <dt className="text-stone-500">Ordered</dt><dd>{formatDate(order.createdAt)}</dd>
            {order.status === "AWAITING_APPROVAL" ? (
              <><dt className="text-stone-500">Approve by</dt><dd className="font-semibold">{order.holdUntil ? formatDate(order.holdUntil) : "-"} (books its hours when approved)</dd></>
            ) : (
              <><dt className="text-stone-500">Promised</dt><dd className="font-semibold">{formatDate(order.promisedDate)}</dd></>
            )}
            <dt className="text-stone-500">Hours</dt><dd>{order.productionHours} h</dd>
          </dl>
        </div>
      </header>

      <RevisionBanner revision={revision} />
      {requests.map((r) => (
        <ChangeRequestPanel key={r.id} currency={order.currency} request={{ ...r, createdAt: r.createdAt.toISOString(), promisedBefore: r.promisedBefore.toISOString(), promisedAfter: r.promisedAfter.toISOString() }} />
      ))}

      {order.atRisk ? (
        <section aria-labelledby="at-risk" className="rounded-xl border border-amber-300 bg-amber-50 p-4 print:hidden" data-no-print data-testid="at-risk-banner">
          <h2 id="at-risk" className="text-lg font-semibold text-amber-950">At risk: the plan now delivers on {formatDate(planned ?? order.promisedDate)}</h2>
          <p className="mt-1 text-sm text-amber-950">Late work was moved forward past the promised date ({formatDate(order.promisedDate)}). Re-promise it: the customer is told by email and on their order page.</p>
          <RepromiseForm number={order.number} plannedDay={plannedDay} />
        </section>
      ) : null}

      {/* On phones the column wrappers dissolve (display: contents) so the next step can come first. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[1fr_20rem] print:block">
        <div className="contents lg:block lg:space-y-6 print:block print:space-y-6">
          <section aria-labelledby="choices" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="choices" className="text-lg font-semibold">Configuration</h2>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Every chosen option with its value and unit</caption>
              <thead className="text-xs uppercase text-stone-500"><tr><th scope="col" className="py-1 pr-3">Group</th><th scope="col" className="py-1">Choice</th></tr></thead>
              <tbody className="divide-y divide-stone-100">
                {order.options.map((o, i) => (
                  <tr key={`${o.groupLabel}-${i}`}>
                    <th scope="row" className="py-1.5 pr-3 font-normal text-stone-600">{o.groupLabel}</th>
                    <td className="py-1.5 font-medium">{o.value !== null && o.unit ? `${o.value} ${o.unit}` : o.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="bom" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="bom" className="text-lg font-semibold">Bill of materials</h2>
            {order.bom.length ? (
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">Components and quantities for {order.quantity} unit(s)</caption>
                <thead className="text-xs uppercase text-stone-500"><tr><th scope="col" className="py-1 pr-3">SKU</th><th scope="col" className="py-1 pr-3">Component</th><th scope="col" className="py-1 text-right">Qty</th><th scope="col" className="py-1 pl-2">Unit</th></tr></thead>
                <tbody className="divide-y divide-stone-100">
                  {order.bom.map((line) => (
                    <tr key={line.sku}>
                      <td className="py-1.5 pr-3 font-mono text-xs">{line.sku}</td>
                      <td className="py-1.5 pr-3">{line.name && line.name !== line.sku ? line.name : <span className="text-stone-400">—</span>}</td>
                      <td className="py-1.5 text-right font-medium tabular-nums">{line.quantity}</td>
                      <td className="py-1.5 pl-2 text-stone-600">{line.unit ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : <p className="mt-2 text-sm text-stone-500">This configuration lists no components.</p>}
          </section>

          <section aria-labelledby="notes" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="notes" className="text-lg font-semibold">Notes</h2>
            <p className="mt-2 whitespace-pre-wrap text-sm">{order.notes || "No notes from the customer."}</p>
            {order.leadDrivers.length ? (
              <><h3 className="mt-3 text-sm font-semibold">Lead time drivers</h3><ul className="list-disc pl-5 text-sm text-stone-700">{order.leadDrivers.map((d) => <li key={d}>{d}</li>)}</ul></>
            ) : null}
          </section>
          <div className="print:hidden" data-no-print>
            <MessagesThread orderNumber={order.number} messages={messages} viewer="STAFF" />
          </div>
        </div>

        <div className="contents lg:block lg:space-y-6 print:mt-4 print:grid print:grid-cols-3 print:gap-3 print:space-y-0">
          <section aria-labelledby="next" className="order-first lg:order-none rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3 print:hidden" data-no-print>
            <h2 id="next" className="text-lg font-semibold">Next step</h2>
            <div className="mt-3"><OrderActions number={order.number} status={order.status} role={user.role} /></div>
          </section>

          <section aria-labelledby="customer" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="customer" className="text-lg font-semibold">Customer and delivery</h2>
            <p className="mt-2 text-sm font-medium">{order.customer.name}</p>
            <p className="text-sm text-stone-600">{order.customer.email}</p>
            {address.length ? <address className="mt-2 text-sm not-italic text-stone-700">{address.map((line) => <span key={line} className="block">{line}</span>)}</address> : null}
            <p className="mt-2 text-sm">Total {formatCents(order.totalCents, order.currency)}</p>
            {order.carrier && order.trackingNumber ? <p className="mt-2 text-sm"><TrackingLine carrier={order.carrier} trackingNumber={order.trackingNumber} /></p> : null}
            {order.cancelReason ? <p className="mt-2 text-sm text-red-700">Cancelled: {order.cancelReason}</p> : null}
          </section>

          <section aria-labelledby="production" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="production" className="text-lg font-semibold">Production</h2>
            <p className="mt-2 text-sm">{order.job ? <>Started {formatDate(order.job.startedAt)}{order.job.completedAt ? `, finished ${formatDate(order.job.completedAt)}` : ", in progress"}</> : "Not started."}</p>
            {order.operations.length ? (
              <ol className="mt-2 space-y-1 text-sm text-stone-700" data-testid="operations">
                {order.operations.map((o) => (
                  <li key={o.seq}>
                    <span className="font-medium">{o.label}</span> at {o.centre}: {o.hours} h
                    {o.plannedStart && o.plannedEnd ? `, planned ${formatDate(o.plannedStart)}${o.plannedEnd.getTime() !== o.plannedStart.getTime() ? ` – ${formatDate(o.plannedEnd)}` : ""}` : ""}
                    {o.status === "DONE" ? ` · done${o.actualHours !== null ? ` in ${o.actualHours} h` : ""}` : o.status === "RUNNING" ? " · in progress" : ""}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>

          <section aria-labelledby="timeline" className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:p-3">
            <h2 id="timeline" className="text-lg font-semibold">Timeline</h2>
            <div className="mt-3"><OrderTimeline steps={eventHistory(order.events)} detailed /></div>
          </section>
        </div>
      </div>
      <footer className="hidden grid-cols-3 gap-6 border-t border-stone-300 pt-6 text-sm print:grid" aria-hidden>
        <p>Built by ____________________</p>
        <p>Checked by __________________</p>
        <p>Date ________________________</p>
      </footer>
    </article>
  );
}
