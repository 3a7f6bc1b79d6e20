"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import type { FairUse } from "@/lib/settings/fair-use";
import type { ShopSettings } from "@/lib/settings/queries";

/** Shop settings: company name (in emails), currency, shipping days. */
export function SettingsForm({ action, initial, fairUse }: { action: (s: FormState, f: FormData) => Promise<FormState>; initial: ShopSettings; fairUse: FairUse }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  // The value threshold is edited in the currency's units, stored in cents.
  const shown = { ...initial, ...fairUse, approvalValueThreshold: fairUse.approvalValueThreshold / 100 };
  const v = { ...Object.fromEntries(Object.entries(shown).map(([k, x]) => [k, String(x)])), ...state.values };
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Company name (shown in emails)" name="companyName" defaultValue={v.companyName} errors={e.companyName} maxLength={120} />
        <div>
          {/* The currency changes only with a rate, in the form below (prices are converted with it). */}
          <input type="hidden" name="currency" value={initial.currency} />
          <p className="block text-sm font-medium text-stone-700">Currency</p>
          <p className="mt-1 py-2 text-sm">{initial.currency} <a href="#currency-title" className="ml-2 text-brand-700 underline">Change the currency</a></p>
          {e.currency ? <p className="mt-1 text-sm text-red-600">{e.currency.join(" ")}</p> : null}
        </div>
        <Field label="Shipping days" name="shippingDays" type="number" step="1" min={0} defaultValue={v.shippingDays} errors={e.shippingDays} />
      </div>
      <fieldset className="grid gap-4 rounded-md border border-stone-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-stone-700">Fair use</legend>
        <Field label="Most units per order" name="maxQuantity" type="number" step="1" min={1} defaultValue={v.maxQuantity} errors={e.maxQuantity} hint="The configurator, the checkout and the server use this limit." />
        <Field label="Open hours per customer" name="customerOpenHoursCap" type="number" step="0.5" min={1} defaultValue={v.customerOpenHoursCap} errors={e.customerOpenHoursCap} hint="Production hours of a customer's orders not yet delivered." />
        <Field label="Approval above (hours)" name="approvalHoursThreshold" type="number" step="0.5" min={0} defaultValue={v.approvalHoursThreshold} errors={e.approvalHoursThreshold} hint="Larger orders wait for staff approval and book nothing until then." />
        <Field label={`Approval above (value, ${initial.currency})`} name="approvalValueThreshold" type="number" step="0.01" min={0} defaultValue={v.approvalValueThreshold} errors={e.approvalValueThreshold} />
        <Field label="Approval hold (days)" name="approvalHoldDays" type="number" step="1" min={1} defaultValue={v.approvalHoldDays} errors={e.approvalHoldDays} hint="Unapproved orders are cancelled after this." />
      </fieldset>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
