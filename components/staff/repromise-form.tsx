"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { repromiseAction } from "@/lib/production/floor-actions";

/** A new promised date (no earlier than the plan, prefilled with it) and a note for the customer. */
export function RepromiseForm({ number, plannedDay }: { number: string; plannedDay: string }) {
  const [state, action] = useActionState(repromiseAction, initialFormState);
  return (
    <form action={action} className="mt-3 space-y-3" data-testid="repromise-form">
      <input type="hidden" name="number" value={number} />
      <div>
        <label htmlFor="repromise-date" className="block text-sm font-medium text-stone-800">New promised date</label>
        <input id="repromise-date" name="date" type="date" required min={plannedDay} defaultValue={state.values?.date ?? plannedDay}
          aria-invalid={state.errors?.date ? true : undefined}
          className="mt-1 block min-h-11 rounded-md border border-stone-300 bg-white px-3 text-base" />
      </div>
      <div>
        <label htmlFor="repromise-note" className="block text-sm font-medium text-stone-800">Note for the customer</label>
        <textarea id="repromise-note" name="note" rows={2} maxLength={500} defaultValue={state.values?.note ?? ""}
          placeholder="Upholstery fabric arrived late"
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm" />
      </div>
      <SubmitButton pendingLabel="Saving…">Re-promise</SubmitButton>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
