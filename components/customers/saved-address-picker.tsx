"use client";

import { useEffect, useRef, useState } from "react";
import { fillField } from "./fill-form";

export type PickerAddress = { id: string; name: string; line1: string; line2: string; postalCode: string; city: string; country: string; phone: string };

const FIELDS = ["name", "line1", "line2", "postalCode", "city", "country"] as const;

/**
 * At checkout: choose one of the customer's saved addresses to fill the address fields (which stay editable).
 * `initialId` (Order again) fills them as the page opens.
 */
export function SavedAddressPicker({ addresses, initialId }: { addresses: PickerAddress[]; initialId: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState(initialId ?? "");
  const apply = (id: string) => {
    const form = ref.current?.closest("form");
    const address = addresses.find((a) => a.id === id);
    if (!form || !address) return;
    for (const f of FIELDS) fillField(form, `address.${f}`, address[f]);
    if (address.phone) fillField(form, "phone", address.phone);
  };
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !initialId) return;
    applied.current = true;
    apply(initialId);
  });
  return (
    <div ref={ref} className="sm:col-span-2" data-testid="saved-address-picker">
      <label htmlFor="saved-address" className="block text-sm font-medium text-stone-700">Use a saved address</label>
      <select
        id="saved-address"
        value={chosen}
        onChange={(e) => {
          setChosen(e.currentTarget.value);
          apply(e.currentTarget.value);
        }}
        className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
      >
        <option value="">Choose from your address book…</option>
        {addresses.map((a) => (
          <option key={a.id} value={a.id}>{[a.name, a.line1, `${a.postalCode} ${a.city}`].join(", ")}</option>
        ))}
      </select>
    </div>
  );
}
