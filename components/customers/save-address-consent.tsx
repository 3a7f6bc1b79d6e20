"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";

/**
 * At checkout: the customer's consent to keep this address (and a phone number) in their address book.
 * Unticked by default; nothing is saved unless it is ticked. Controlled, so nothing typed is lost on an error.
 */
export function SaveAddressConsent({ errors }: { errors?: string[] }) {
  const [save, setSave] = useState(false);
  const [phone, setPhone] = useState("");
  return (
    <div className="space-y-3 sm:col-span-2">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="saveAddress" checked={save} onChange={(e) => setSave(e.currentTarget.checked)} className="mt-0.5 h-4 w-4" />
        <span>
          Save this address to my address book for next time
          <span className="block text-xs text-stone-600">You can see, change or delete it under Addresses at any time.</span>
        </span>
      </label>
      {save ? (
        <div className="max-w-xs">
          <Field label="Phone for deliveries (optional)" name="phone" type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} errors={errors} hint="Saved with the address." />
        </div>
      ) : null}
    </div>
  );
}
