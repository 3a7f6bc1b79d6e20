"use client";

import { useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";
import type { OrderStatus } from "@/lib/orders/status";

/**
 * The board card's one-click advance. Unlike AdvanceForm (the build sheet's, which also works without
 * JavaScript), its action is a client function calling the server action: React then has nothing to
 * serialize into each form, where useActionState's no-JavaScript fallback made every card a separately
 * streamed boundary with an encoded action reference (the board shows up to 160 cards).
 */
export function QuickAdvanceForm({ number, from, to, label }: { number: string; from: OrderStatus; to: OrderStatus; label: string }) {
  const [state, setState] = useState<FormState>(initialFormState);
  async function advance(formData: FormData) {
    setState(await transitionOrderAction(initialFormState, formData));
  }
  return (
    <form action={advance} className="flex flex-col gap-1">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="expected" value={from} />
      <input type="hidden" name="to" value={to} />
      <SubmitButton size="sm" pendingLabel="Saving…">
        {label}
        <span className="sr-only"> {number}</span>
      </SubmitButton>
      <div aria-live="polite" className="text-xs">
        {state.message && !state.ok ? <p role="alert" className="text-red-700">{state.message}</p> : null}
      </div>
    </form>
  );
}
