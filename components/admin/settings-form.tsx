"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import type { ShopSettings } from "@/lib/settings/queries";

/** Shop settings: company name (in emails), currency, default weekly hours, shipping days. */
export function SettingsForm({ action, initial, currencies }: { action: (s: FormState, f: FormData) => Promise<FormState>; initial: ShopSettings; currencies: readonly string[] }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const v = { ...Object.fromEntries(Object.entries(initial).map(([k, x]) => [k, String(x)])), ...state.values };
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Company name (shown in emails)" name="companyName" defaultValue={v.companyName} errors={e.companyName} maxLength={120} />
        <div>
          <label htmlFor="currency" className="block text-sm font-medium text-stone-700">Currency</label>
          <select id="currency" name="currency" defaultValue={v.currency} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm">
            {currencies.map((c) => <option key={c}>{c}</option>)}
          </select>
          {e.currency ? <p className="mt-1 text-sm text-red-600">{e.currency.join(" ")}</p> : null}
        </div>
        <Field label="Default weekly capacity (hours)" name="defaultWeeklyHours" type="number" step="0.5" min={0} defaultValue={v.defaultWeeklyHours} errors={e.defaultWeeklyHours} />
        <Field label="Shipping days" name="shippingDays" type="number" step="1" min={0} defaultValue={v.shippingDays} errors={e.shippingDays} />
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

/** Sets one ISO week's capacity (a holiday: 0 h, or overtime). */
export function OverrideForm({ action, weeks }: { action: (s: FormState, f: FormData) => Promise<FormState>; weeks: string[] }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
      <div>
        <Field label="Week" name="week" list="week-options" placeholder="2026-W52" defaultValue={state.values?.week} errors={e.week} />
        <datalist id="week-options">{weeks.map((w) => <option key={w} value={w} />)}</datalist>
      </div>
      <Field label="Capacity (hours)" name="capacityHours" type="number" step="0.5" min={0} defaultValue={state.values?.capacityHours} errors={e.capacityHours} />
      <div className="pt-6"><SubmitButton pendingLabel="Saving…">Set capacity</SubmitButton></div>
      <div className="basis-full"><FormMessage message={state.message} tone={state.ok ? "success" : "error"} /></div>
    </form>
  );
}
