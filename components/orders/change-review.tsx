"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { confirmChangeAction, type ChangeFormState } from "@/lib/orders/change-actions";
import type { ChangeEffect } from "@/lib/orders/revision";

type Preview = ChangeEffect<string | null> & {
  promisedBefore: string;
  mode: "direct" | "request";
  currency: string;
  full: string | null;
  approvalNote: string | null;
};

/** What the change does (price, difference, date) and the form that confirms it; on success the action opens the order. */
export function ChangeReview({ preview, form, editHref }: { preview: Preview; form: Record<string, string>; editHref: string }) {
  const [state, action] = useActionState<ChangeFormState, FormData>(confirmChangeAction, {});
  const money = (cents: number) => formatCents(cents, preview.currency);
  const difference = preview.totalAfterCents - preview.totalBeforeCents;
  const blocked = preview.mode === "direct" && preview.promisedAfter === null;
  return (
    <div className="space-y-6">
      <section aria-labelledby="what" className="rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="what" className="text-lg font-semibold">What changes</h2>
        <ul className="mt-2 list-disc pl-5 text-sm" data-testid="change-differences">{preview.differences.map((d) => <li key={d}>{d}</li>)}</ul>
      </section>
      <section aria-labelledby="effect" className="rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="effect" className="text-lg font-semibold">{preview.mode === "request" ? "If the workshop approves it" : "Price and delivery"}</h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-stone-600">Price now</dt><dd className="tabular-nums">{money(preview.totalBeforeCents)}</dd>
          <dt className="text-stone-600">New price</dt><dd className="font-semibold tabular-nums" data-testid="new-total">{money(preview.totalAfterCents)}</dd>
          <dt className="text-stone-600">Difference</dt><dd className="tabular-nums" data-testid="price-difference">{difference >= 0 ? "+" : "−"}{money(Math.abs(difference))}</dd>
          <dt className="text-stone-600">Delivery now</dt><dd>{formatDate(new Date(preview.promisedBefore))}</dd>
          <dt className="text-stone-600">New delivery</dt><dd className="font-semibold" data-testid="new-date">{preview.promisedAfter ? formatDate(new Date(preview.promisedAfter)) : "Cannot be planned now"}</dd>
          <dt className="text-stone-600">Workshop hours</dt><dd className="tabular-nums">{preview.hoursBefore} h → {preview.hoursAfter} h</dd>
        </dl>
        {preview.full ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{preview.full}</p> : null}
        {preview.approvalNote ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{preview.approvalNote}</p> : null}
        {preview.mode === "request" ? <p className="mt-3 text-sm text-stone-600">The workshop may add a fee or a later date; your order stays as it is until they answer, and you see their answer here.</p> : null}
      </section>
      {(
        <form action={action} className="space-y-3 rounded-xl border border-stone-200 bg-white p-5">
          {Object.entries(form).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <label htmlFor="reason" className="block text-sm font-medium">Why are you changing it? (optional)</label>
          <textarea id="reason" name="reason" maxLength={500} rows={2} aria-describedby={state.errors?.reason ? "reason-error" : undefined} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" />
          {state.errors?.reason ? <p id="reason-error" className="text-sm text-red-700">{state.errors.reason[0]}</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton pendingLabel="Saving…" disabled={blocked}>{preview.mode === "request" ? "Send change request" : "Confirm change"}</SubmitButton>
            <Link href={editHref} className="text-sm text-brand-700 underline">Edit the change</Link>
          </div>
          <FormMessage message={state.message} />
        </form>
      )}
    </div>
  );
}
