"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";
import type { OrderStatus } from "@/lib/orders/status";

/** One click moves an order to its next stage; the status the page showed travels along, so a stale page cannot skip a stage. */
export function AdvanceForm({ number, from, to, label, size = "md" }: { number: string; from: OrderStatus; to: OrderStatus; label: string; size?: "sm" | "md" }) {
  const [state, action] = useActionState(transitionOrderAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="expected" value={from} />
      <input type="hidden" name="to" value={to} />
      <SubmitButton size={size} pendingLabel="Saving…">
        {label}
        {size === "sm" ? <span className="sr-only"> {number}</span> : null}
      </SubmitButton>
      <div aria-live="polite" className="text-xs">
        {state.message && !state.ok ? <p role="alert" className="text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
