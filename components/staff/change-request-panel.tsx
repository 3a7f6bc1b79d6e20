"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate } from "@/lib/dates";
import { initialFormState } from "@/lib/forms/state";
import { formatCents } from "@/lib/money";
import type { ChangeEffect } from "@/lib/orders/revision";
import { decideChangeRequestAction } from "@/lib/orders/change-actions";

export type RequestView = ChangeEffect & {
  id: string;
  createdAt: string;
  reason: string;
  bomBefore: { sku: string; name?: string; quantity: number }[];
  bomAfter: { sku: string; name?: string; quantity: number }[];
};

/** Materials that differ between two bills of materials, as "+9 Washed linen fabric (m)" / "−9 Wool boucle fabric (m)". */
function materialChanges(before: RequestView["bomBefore"], after: RequestView["bomAfter"]): string[] {
  const skus = [...new Set([...before, ...after].map((l) => l.sku))];
  return skus.flatMap((sku) => {
    const was = before.find((l) => l.sku === sku);
    const now = after.find((l) => l.sku === sku);
    const delta = Math.round(((now?.quantity ?? 0) - (was?.quantity ?? 0)) * 1000) / 1000;
    if (delta === 0) return [];
    return [`${delta > 0 ? "+" : "−"}${Math.abs(delta)} ${now?.name ?? was?.name ?? sku}`];
  });
}

/** A customer's change request on the build sheet: its effect (price, date, hours, materials) and staff's decision. */
export function ChangeRequestPanel({ request, currency }: { request: RequestView; currency: string }) {
  const [state, action] = useActionState(decideChangeRequestAction, initialFormState);
  const [decision, setDecision] = useState<"approve" | "decline">("approve");
  const money = (cents: number) => formatCents(cents, currency);
  const materials = materialChanges(request.bomBefore, request.bomAfter);
  const id = request.id;
  return (
    <section aria-labelledby={`request-${id}`} className="rounded-xl border border-amber-300 bg-amber-50 p-4 print:hidden" data-no-print data-testid="change-request">
      <h2 id={`request-${id}`} className="text-lg font-semibold text-amber-950">Change requested by the customer</h2>
      <p className="text-sm text-amber-950">Asked on {formatDate(new Date(request.createdAt))}{request.reason ? `: “${request.reason}”` : ""}</p>
      <ul className="mt-2 list-disc pl-5 text-sm">{request.differences.map((d) => <li key={d}>{d}</li>)}</ul>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-stone-700">Price</dt><dd>{money(request.totalBeforeCents)} → {money(request.totalAfterCents)}</dd>
        <dt className="text-stone-700">Delivery</dt><dd>{formatDate(new Date(request.promisedBefore))} → {formatDate(new Date(request.promisedAfter))} (estimate)</dd>
        <dt className="text-stone-700">Hours</dt><dd>{request.hoursBefore} h → {request.hoursAfter} h</dd>
        <dt className="text-stone-700">Materials</dt><dd>{materials.length ? materials.join(", ") : "no change"}</dd>
      </dl>
      {state.ok ? (
        <FormMessage tone="success" message={state.message} />
      ) : (
        <form action={action} className="mt-3 space-y-3">
          <input type="hidden" name="requestId" value={id} />
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Decision</legend>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" value="approve" checked={decision === "approve"} onChange={() => setDecision("approve")} /> Approve</label>
            <label className="flex items-center gap-1.5"><input type="radio" name="decision" value="decline" checked={decision === "decline"} onChange={() => setDecision("decline")} /> Decline</label>
          </fieldset>
          {decision === "approve" ? (
            <div className="flex flex-wrap gap-3">
              <div>
                <label htmlFor={`fee-${id}`} className="block text-sm font-medium">Change fee (optional)</label>
                <input id={`fee-${id}`} name="fee" inputMode="decimal" placeholder="0.00" defaultValue={state.values?.fee ?? ""} aria-describedby={state.errors?.fee ? `fee-${id}-error` : undefined} className="mt-1 block w-32 rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm" />
                {state.errors?.fee ? <p id={`fee-${id}-error`} className="text-sm text-red-700">{state.errors.fee[0]}</p> : null}
              </div>
              <div>
                <label htmlFor={`date-${id}`} className="block text-sm font-medium">Later promised date (optional)</label>
                <input id={`date-${id}`} name="promisedDate" type="date" defaultValue={state.values?.promisedDate ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm" />
              </div>
            </div>
          ) : null}
          <div>
            <label htmlFor={`note-${id}`} className="block text-sm font-medium">{decision === "approve" ? "Note for the customer (optional)" : "Reason for the customer"}</label>
            <textarea id={`note-${id}`} name="note" rows={2} maxLength={500} defaultValue={state.values?.note ?? ""} aria-describedby={state.errors?.note ? `note-${id}-error` : undefined} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm" />
            {state.errors?.note ? <p id={`note-${id}-error`} className="text-sm text-red-700">{state.errors.note[0]}</p> : null}
          </div>
          <SubmitButton pendingLabel="Saving…" tone={decision === "approve" ? "success" : "danger"}>{decision === "approve" ? "Approve change" : "Decline change"}</SubmitButton>
          <FormMessage message={state.message} />
        </form>
      )}
    </section>
  );
}
