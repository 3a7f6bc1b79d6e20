"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import { cancelOrderAction } from "@/lib/orders/actions";

/** Cancel button with an explicit confirmation step. */
export function CancelOrder({ number, status }: { number: string; status: string }) {
  const [state, action] = useActionState<FormState, FormData>(cancelOrderAction.bind(null, number, status), {});
  const [confirming, setConfirming] = useState(false);
  if (state.ok) return <FormMessage message={state.message} tone="success" />;
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 className="text-lg font-semibold">Changed your mind?</h2>
      <p className="mt-1 text-sm text-stone-600">
        {status === "AWAITING_APPROVAL"
          ? "You can withdraw the order while it waits for approval; no workshop time is booked for it yet."
          : "You can cancel until production starts. The workshop time booked for you is released."}
      </p>
      {confirming ? (
        <form action={action} className="mt-3 space-y-3">
          <label htmlFor="reason" className="block text-sm font-medium">Reason (optional)</label>
          <input id="reason" name="reason" maxLength={500} className="block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" />
          <div className="flex flex-wrap gap-2">
            <SubmitButton tone="danger" pendingLabel="Cancelling…">Yes, cancel this order</SubmitButton>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-stone-300 px-4 py-2 text-sm">Keep my order</button>
          </div>
          <FormMessage message={state.message} />
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="mt-3 rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50">
          Cancel order
        </button>
      )}
    </div>
  );
}
