"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteAddressAction } from "@/lib/customers/actions";
import type { FormState } from "@/lib/forms/state";
import { AddressForm } from "./address-form";

type Address = { id: string; name: string; line1: string; line2: string; postalCode: string; city: string; country: string; phone: string };

/** One saved address: shown, edited in place, or deleted. */
export function AddressCard({ address, countryName, countries }: { address: Address; countryName: string; countries: { code: string; name: string }[] }) {
  const [editing, setEditing] = useState(false);
  const [deleted, remove] = useActionState<FormState, FormData>(deleteAddressAction.bind(null, address.id), {});
  return (
    <li className="rounded-xl border border-stone-200 bg-white p-4" data-testid="saved-address">
      {editing ? (
        <>
          <h2 className="mb-3 font-semibold">Edit address</h2>
          <AddressForm address={address} countries={countries} onDone={() => setEditing(false)} />
          <button type="button" onClick={() => setEditing(false)} className="mt-2 text-sm text-stone-600 underline">Cancel</button>
        </>
      ) : (
        <>
          <address className="text-sm not-italic leading-relaxed">
            <span className="font-semibold">{address.name}</span><br />
            {address.line1}<br />
            {address.line2 ? <>{address.line2}<br /></> : null}
            {address.postalCode} {address.city}<br />
            {countryName}
            {address.phone ? <><br />Phone: {address.phone}</> : null}
          </address>
          <div className="mt-3 flex gap-2">
            <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100" aria-label={`Edit the address of ${address.name}, ${address.line1}`}>Edit</button>
            <form action={remove}>
              <SubmitButton tone="outline-danger" pendingLabel="Deleting…" ariaLabel={`Delete the address of ${address.name}, ${address.line1}`}>Delete</SubmitButton>
            </form>
          </div>
          <div className="mt-2"><FormMessage message={deleted.ok ? undefined : deleted.message} /></div>
        </>
      )}
    </li>
  );
}
