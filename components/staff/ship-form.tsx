"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";

/** Records the carrier and tracking number and marks the order shipped. */
export function ShipForm({ number }: { number: string }) {
  const [state, action] = useActionState(transitionOrderAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label="Ship the order">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="expected" value="READY_TO_SHIP" />
      <input type="hidden" name="to" value="SHIPPED" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Carrier" name="carrier" required maxLength={80} autoComplete="off" defaultValue={state.values?.carrier} errors={state.errors?.carrier} />
        <Field label="Tracking number" name="trackingNumber" required maxLength={80} autoComplete="off" defaultValue={state.values?.trackingNumber} errors={state.errors?.trackingNumber} />
      </div>
      <FormMessage message={state.ok ? undefined : state.message} />
      <SubmitButton pendingLabel="Saving…">Ship</SubmitButton>
    </form>
  );
}
