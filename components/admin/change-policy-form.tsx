"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import type { ChangePolicy } from "@/lib/orders/revision";
import { CHANGEABLE_STAGES } from "@/lib/orders/revision";
import { STATUS_LABELS } from "@/lib/orders/status";
import { updateChangePolicyAction } from "@/lib/settings/change-policy-actions";

/** Until which stage customers change an order themselves, and until which they may ask the workshop (issue 23). */
export function ChangePolicyForm({ policy }: { policy: ChangePolicy }) {
  const [state, action] = useActionState(updateChangePolicyAction, {} as FormState);
  const v = { ...policy, ...state.values };
  const e = state.errors ?? {};
  const select = (name: "changeDirectUntil" | "changeRequestUntil", label: string) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-stone-700">{label}</label>
      <select id={name} name={name} defaultValue={v[name]} aria-describedby={e[name] ? `${name}-error` : undefined} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm">
        {CHANGEABLE_STAGES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
      </select>
      {e[name] ? <p id={`${name}-error`} className="mt-1 text-sm text-red-600">{e[name]!.join(" ")}</p> : null}
    </div>
  );
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {select("changeDirectUntil", "Customers change directly up to and including")}
        {select("changeRequestUntil", "Customers may request a change up to and including")}
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton pendingLabel="Saving…">Save change-order settings</SubmitButton>
    </form>
  );
}
