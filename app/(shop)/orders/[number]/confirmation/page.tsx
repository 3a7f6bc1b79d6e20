import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { getCustomerOrder } from "@/lib/orders/queries";
import { orderNumberSchema } from "@/lib/orders/schema";

export const metadata: Metadata = { title: "Order placed" };

/** Shown once after placing an order: its number and what happens next. */
export default async function ConfirmationPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}/confirmation`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const order = await getCustomerOrder(await getDb(), user.id, number);
  if (!order) notFound();
  if (order.status === "AWAITING_APPROVAL") {
    return (
      <div className="mx-auto max-w-2xl rounded-2xl border border-stone-200 bg-white p-6 sm:p-10">
        <p className="text-sm font-medium text-orange-700">Order placed · awaiting approval</p>
        <h1 className="mt-1 text-2xl font-semibold sm:text-3xl">Thank you, the workshop reviews your {order.product.name} order</h1>
        <p className="mt-3 text-stone-600">
          Your order number is <strong className="font-mono text-stone-900" data-testid="order-number">{order.number}</strong>. It is a large order, so
          the workshop approves it before scheduling it: we answer by {order.holdUntil ? formatDate(order.holdUntil) : "soon"}, and the delivery date is set when approved.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={`/orders/${order.number}`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Follow your order</Link>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl rounded-2xl border border-stone-200 bg-white p-6 sm:p-10">
      <p className="text-sm font-medium text-green-700">Order placed</p>
      <h1 className="mt-1 text-2xl font-semibold sm:text-3xl">Thank you, your {order.product.name} is on the list</h1>
      <p className="mt-3 text-stone-600">
        Your order number is <strong className="font-mono text-stone-900" data-testid="order-number">{order.number}</strong>.
        A confirmation email is on its way.
      </p>
      <dl className="mt-6 grid grid-cols-2 gap-4 text-sm">
        <div><dt className="text-stone-500">Total</dt><dd className="text-lg font-semibold">{formatCents(order.totalCents, order.currency)}</dd></div>
        <div><dt className="text-stone-500">Estimated delivery</dt><dd className="text-lg font-semibold">{formatDate(order.promisedDate)}</dd></div>
      </dl>
      <h2 className="mt-8 font-semibold">What happens next</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-stone-600">
        <li>Our team checks your configuration and confirms the order, usually within one working day.</li>
        <li>We order the materials, and each step of making it is booked in the workshop on the days planned for you.</li>
        <li>You can follow each stage live on your order page, and we email you at every step.</li>
        <li>You can cancel free of charge until production starts.</li>
      </ol>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href={`/orders/${order.number}`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Follow your order</Link>
        <Link href="/" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">Back to the catalog</Link>
      </div>
    </div>
  );
}
