import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeReview } from "@/components/orders/change-review";
import { requireUser } from "@/lib/auth/guards";
import { decodeSelection } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { getChangeableOrder, previewChange } from "@/lib/orders/change-preview";
import { orderNumberSchema } from "@/lib/orders/schema";

export const metadata: Metadata = { title: "Review your change" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ c?: string | string[]; q?: string | string[]; v?: string | string[] }> };

/** The change worked out by the server before the customer confirms it: new price, difference, new date (issue 23). */
export default async function ReviewChangePage({ params, searchParams }: Props) {
  const { number } = await params;
  const { c, q, v } = await searchParams;
  const user = await requireUser(`/orders/${encodeURIComponent(number)}/change`);
  if (!orderNumberSchema.safeParse(number).success) notFound();
  const db = await getDb();
  const order = await getChangeableOrder(db, user.id, number);
  if (!order) notFound();
  const code = typeof c === "string" ? c : "";
  const quantity = typeof q === "string" && /^\d{1,4}$/.test(q) ? Number(q) : order.quantity;
  // The product's newer version the change moves the order onto (checked to be current by the preview).
  const versionId = typeof v === "string" && /^[\w-]{1,100}$/.test(v) ? v : null;
  const decoded = decodeSelection(code);
  const preview = decoded.ok ? await previewChange(db, order, decoded.selection, quantity, versionId) : { ok: false as const, code: "invalid" as const, message: decoded.message };
  const edit = `/orders/${order.number}/change${code ? `?c=${encodeURIComponent(code)}&q=${quantity}${versionId ? `&onto=${encodeURIComponent(versionId)}` : ""}` : ""}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href={`/orders/${order.number}`} className="underline">{order.number}</Link> / <Link href={edit} className="underline">change</Link> / review
      </nav>
      <h1 className="text-2xl font-semibold">{preview.ok && preview.mode === "request" ? "Review your change request" : "Review your change"}</h1>
      {preview.ok ? (
        <ChangeReview
          preview={{ ...preview, promisedBefore: preview.promisedBefore.toISOString(), promisedAfter: preview.promisedAfter?.toISOString() ?? null }}
          form={{ number: order.number, configuration: code, quantity: String(quantity), versionId: versionId ?? "", idempotencyKey: randomUUID(), expectedOrderVersion: String(preview.orderVersion), expectedTotalCents: String(preview.totalAfterCents) }}
          editHref={edit}
        />
      ) : (
        <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">{preview.message}</p>
          {"problems" in preview && preview.problems?.length ? <ul className="mt-1 list-disc pl-5">{preview.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
          <p className="mt-3"><Link href={edit} className="underline">Back to the configurator</Link> · <Link href={`/orders/${order.number}`} className="underline">Back to your order</Link></p>
        </div>
      )}
    </div>
  );
}
