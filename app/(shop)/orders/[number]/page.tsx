import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BreakdownTable } from "@/components/orders/breakdown-table";
import { LiveRefresh } from "@/components/orders/live-refresh";
import { MessagesThread } from "@/components/orders/messages-thread";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { SpecificationList } from "@/components/orders/specification-list";
import { StatusBadge } from "@/components/orders/status-badge";
import { TrackingLine } from "@/components/orders/tracking-line";
import { requireUser } from "@/lib/auth/guards";
import { encodeSelection } from "@/lib/configurator";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { openThread } from "@/lib/messages/queries";
import { getCustomerOrder } from "@/lib/orders/queries";
import { orderNumberSchema, type ShippingAddress } from "@/lib/orders/schema";
import type { OrderSnapshot } from "@/lib/orders/snapshot";
import { allowedTransitions } from "@/lib/orders/state-machine";
import { buildTimeline } from "@/lib/orders/timeline";
import { findOperationProgress } from "@/lib/production/progress";
import { countryName, customerMustAskToCancel, isOrderOpen, shopContactEmail } from "@/lib/orders/presentation";
import { isRepromiseNote } from "@/lib/production/repromise-note";
import { ChangeOrderPanel } from "@/components/orders/change-order-panel";
import { formatCents } from "@/lib/money";
import { changeModeFor } from "@/lib/orders/revision";
import { findOrderRevisions } from "@/lib/orders/revision-queries";
import { revisionTimeline } from "@/lib/orders/timeline";
import { getChangePolicy } from "@/lib/settings/queries";
import { CancelOrder } from "./cancel-order";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Order ${(await params).number}` };
}

/** A customer's order: live timeline, specification as ordered (snapshot), price, promise, shipping. */
export default async function OrderPage({ params }: Props) {
  const { number } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const db = await getDb();
  const order = await getCustomerOrder(db, user.id, number);
  if (!order) notFound();
  const snapshot = order.snapshot as unknown as OrderSnapshot;
  const address = order.shippingAddress as unknown as ShippingAddress;
  const steps = buildTimeline(order.status, order.events, await findOperationProgress(db, order.id));
  const repromise = order.events.findLast((e) => isRepromiseNote(e.note));
  const messages = await openThread(db, order.id, "CUSTOMER");
  const revisions = await findOrderRevisions(db, order.id);
  const changeMode = changeModeFor(order.status, await getChangePolicy(db));
  const contact = shopContactEmail();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-stone-500"><Link href="/orders" className="underline">My orders</Link> / {order.number}</p>
          <h1 className="mt-1 text-2xl font-semibold sm:text-3xl">{snapshot.product.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span data-testid="order-status"><StatusBadge status={order.status} /></span>
            <span>Order {order.number} · placed {formatDate(order.createdAt)}</span>
          </p>
        </div>
        <Link
          href={`/orders/${order.number}/again`}
          className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50"
          data-selection={encodeSelection(snapshot.selection)}
        >
          Order again
        </Link>
      </div>
      {isOrderOpen(order.status) ? <LiveRefresh streamUrl={`/api/orders/${order.number}/events`} /> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
        <div className="space-y-6">
          <section aria-labelledby="progress" className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 id="progress" className="text-lg font-semibold">Progress</h2>
            <div className="mt-4"><OrderTimeline steps={steps} /></div>
            {order.status === "AWAITING_APPROVAL" && order.holdUntil ? (
              <p className="mt-3 rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900" data-testid="approval-notice">
                Waiting for the workshop&apos;s approval until {formatDate(order.holdUntil)}; the delivery date is set when approved.
              </p>
            ) : null}
            {order.status === "CANCELLED" && order.cancelReason ? <p className="mt-3 text-sm text-stone-600">Reason: {order.cancelReason}</p> : null}
            {order.carrier && order.trackingNumber ? (
              <p className="mt-4 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="tracking">
                <TrackingLine carrier={order.carrier} trackingNumber={order.trackingNumber} />
              </p>
            ) : null}
          </section>
          <section aria-labelledby="spec" className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 id="spec" className="text-lg font-semibold">{revisions.some((r) => r.status === "APPLIED") ? "Specification as changed" : "Specification as ordered"}</h2>
            <div className="mt-3"><SpecificationList choices={snapshot.choices} currency={snapshot.currency} /></div>
            <p className="mt-3 text-sm text-stone-600">Quantity: {order.quantity}</p>
            {order.notes ? <p className="mt-1 whitespace-pre-line text-sm text-stone-600" data-testid="order-notes">Your notes: {order.notes}</p> : null}
          </section>
          <ChangeOrderPanel
            number={order.number}
            mode={changeMode}
            pending={revisions.some((r) => r.status === "PENDING")}
            steps={revisionTimeline(revisions, (c) => formatCents(c, order.currency), formatDate)}
            revision={1 + revisions.filter((r) => r.status === "APPLIED").length}
          />
          <MessagesThread orderNumber={order.number} messages={messages} viewer="CUSTOMER" />
          {allowedTransitions(order.status, "CUSTOMER").includes("CANCELLED") ? <CancelOrder number={order.number} status={order.status} /> : null}
          {customerMustAskToCancel(order.status) ? (
            <section aria-labelledby="cancel-closed" className="rounded-xl border border-stone-200 bg-white p-5 text-sm text-stone-600" data-testid="cancel-closed">
              <h2 id="cancel-closed" className="text-lg font-semibold text-stone-900">Need to cancel or change it?</h2>
              <p className="mt-1">
                Production has started, so the order can no longer be cancelled here: materials are ordered and workshop time is in use.
                Write to the workshop at <a href={`mailto:${contact}?subject=${encodeURIComponent(`Order ${order.number}`)}`} className="font-medium text-brand-700 underline">{contact}</a> with your order number; they will tell you what is still possible.
              </p>
            </section>
          ) : null}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="price" className="rounded-xl border border-stone-200 bg-white p-5">
            <h2 id="price" className="text-lg font-semibold">Price</h2>
            <div className="mt-3"><BreakdownTable breakdown={snapshot.breakdown} currency={snapshot.currency} /></div>
          </section>
          <section aria-labelledby="delivery" className="rounded-xl border border-stone-200 bg-white p-5 text-sm">
            <h2 id="delivery" className="text-lg font-semibold">Delivery</h2>
            <p className="mt-2">
              {order.deliveredAt ? (
                <>Delivered on <strong>{formatDate(order.deliveredAt)}</strong></>
              ) : order.status === "CANCELLED" ? (
                <span data-testid="cancelled-delivery">Cancelled{order.cancelledAt ? <> on <strong>{formatDate(order.cancelledAt)}</strong></> : null}: nothing will be made or delivered.</span>
              ) : order.status === "AWAITING_APPROVAL" ? (
                <>The delivery date is set when the workshop approves the order (about <span data-testid="tentative-date">{formatDate(order.promisedDate)}</span> if approved today).</>
              ) : (
                <>Promised for <strong data-testid="promised-date">{formatDate(order.promisedDate)}</strong></>
              )}
            </p>
            {repromise && isOrderOpen(order.status) ? <p className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-amber-900" data-testid="repromise-note">{repromise.note}</p> : null}
            {snapshot.leadDrivers.length && isOrderOpen(order.status) ? <ul className="mt-1 text-stone-600">{snapshot.leadDrivers.slice(0, 3).map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
            <address className="mt-3 not-italic text-stone-600">
              {address.name}<br />{address.line1}{address.line2 ? <><br />{address.line2}</> : null}<br />{address.postalCode} {address.city}<br />{countryName(address.country)}
            </address>
          </section>
        </aside>
      </div>
    </div>
  );
}
