"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveAddressAction } from "@/lib/customers/actions";
import type { FormState } from "@/lib/forms/state";

type Address = { id: string; name: string; line1: string; line2: string; postalCode: string; city: string; country: string; phone: string };

/** Adds an address to the book (no `address`) or edits one; the same rules as the checkout's address. */
export function AddressForm({ address, countries, onDone }: { address?: Address; countries: { code: string; name: string }[]; onDone?: () => void }) {
  const [state, action] = useActionState<FormState, FormData>(saveAddressAction.bind(null, address?.id ?? null), {});
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = address ? `edit-${address.id}` : "new";
  const v = (key: keyof Address) => state.values?.[key] ?? address?.[key] ?? "";
  const err = (key: string) => state.errors?.[key];
  useEffect(() => {
    if (state.ok) {
      if (!address) formRef.current?.reset();
      onDone?.();
    }
  }, [state, address, onDone]);
  return (
    <form ref={formRef} action={action} className="grid gap-4 sm:grid-cols-2" noValidate key={state.ok ? "saved" : "editing"}>
      <div className="sm:col-span-2"><Field id={`${prefix}-name`} label="Recipient" name="name" autoComplete="name" defaultValue={v("name")} errors={err("name")} required /></div>
      <div className="sm:col-span-2"><Field id={`${prefix}-line1`} label="Street and number" name="line1" autoComplete="address-line1" defaultValue={v("line1")} errors={err("line1")} required /></div>
      <div className="sm:col-span-2"><Field id={`${prefix}-line2`} label="Apartment, floor (optional)" name="line2" autoComplete="address-line2" defaultValue={v("line2")} errors={err("line2")} /></div>
      <Field id={`${prefix}-postalCode`} label="Postal code" name="postalCode" autoComplete="postal-code" defaultValue={v("postalCode")} errors={err("postalCode")} required />
      <Field id={`${prefix}-city`} label="City" name="city" autoComplete="address-level2" defaultValue={v("city")} errors={err("city")} required />
      <div>
        <label htmlFor={`${prefix}-country`} className="block text-sm font-medium text-stone-700">Country</label>
        <select
          id={`${prefix}-country`}
          name="country"
          defaultValue={v("country")}
          aria-invalid={err("country") ? true : undefined}
          aria-describedby={err("country") ? `${prefix}-country-error` : undefined}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
          required
        >
          <option value="" disabled>Choose a country</option>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
        {err("country") ? <p id={`${prefix}-country-error`} className="mt-1 text-sm text-red-600">{err("country")!.join(" ")}</p> : null}
      </div>
      <Field id={`${prefix}-phone`} label="Phone (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={v("phone")} errors={err("phone")} hint="For the carrier, on the day of delivery." />
      <div className="space-y-2 sm:col-span-2">
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        <SubmitButton pendingLabel="Saving…">{address ? "Save changes" : "Save address"}</SubmitButton>
      </div>
    </form>
  );
}
