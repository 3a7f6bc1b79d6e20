"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";
import { formatCents } from "@/lib/money";
import { convertCents, rateMicros } from "@/lib/settings/currency-convert";

type Props = {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  currency: string;
  currencies: readonly string[];
  samples: { label: string; cents: number }[];
  products: number;
};

/** Changing the shop currency: the admin gives the rate, sees a few prices converted, and converts them all. */
export function CurrencyForm({ action, currency, currencies, samples, products }: Props) {
  const [state, formAction] = useActionState(action, {} as FormState);
  const others = currencies.filter((c) => c !== currency);
  const [chosen, setTo] = useState(state.values?.currency ?? "");
  // After a change the chosen currency is the shop's own and no longer a choice: fall back to the first.
  const to = others.includes(chosen) ? chosen : others[0] ?? currency;
  const [rateText, setRateText] = useState(state.values?.rate ?? "");
  const rate = Number(rateText.replace(",", "."));
  const valid = rateText.trim() !== "" && rateMicros(rate) !== null;
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-stone-700">
        Prices are stored in {currency}. Changing the currency converts them at your rate: each product gets a new
        published version with the converted prices (drafts are converted too); past orders keep the currency they
        were placed in. Amounts are rounded half away from zero to the new currency&apos;s smallest unit (whole yen for JPY).
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="new-currency" className="block text-sm font-medium text-stone-700">New currency</label>
          <select id="new-currency" name="currency" value={to} onChange={(ev) => setTo(ev.target.value)} aria-invalid={e.currency ? true : undefined} aria-describedby={e.currency ? "new-currency-error" : undefined} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm">
            {others.map((c) => <option key={c}>{c}</option>)}
          </select>
          {e.currency ? <p id="new-currency-error" className="mt-1 text-sm text-red-600">{e.currency.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor="rate" className="block text-sm font-medium text-stone-700">Exchange rate: {to} for 1 {currency}</label>
          <input id="rate" name="rate" inputMode="decimal" autoComplete="off" value={rateText} onChange={(ev) => setRateText(ev.target.value)} aria-invalid={e.rate ? true : undefined} aria-describedby={`rate-hint${e.rate ? " rate-error" : ""}`} className={`mt-1 block w-full rounded-md border px-3 py-2 text-base sm:text-sm ${e.rate ? "border-red-500" : "border-stone-300"}`} />
          <p id="rate-hint" className="mt-1 text-xs text-stone-600">{valid ? `1 ${currency} = ${rate.toLocaleString("en-GB", { maximumFractionDigits: 6 })} ${to}` : "For example 162.35 (up to 6 decimals)."}</p>
          {e.rate ? <p id="rate-error" className="mt-1 text-sm text-red-600">{e.rate.join(" ")}</p> : null}
        </div>
      </div>
      {samples.length > 0 ? (
        <table className="w-full text-sm">
          <caption className="text-left text-sm font-medium text-stone-700">Preview ({products} product{products === 1 ? "" : "s"} will be converted)</caption>
          <thead className="text-left text-xs uppercase text-stone-600"><tr><th scope="col" className="py-1 pr-2">Price</th><th scope="col" className="py-1 pr-2 text-right">Now</th><th scope="col" className="py-1 text-right">After</th></tr></thead>
          <tbody className="divide-y divide-stone-100">
            {samples.map((s) => (
              <tr key={s.label}>
                <th scope="row" className="py-1 pr-2 text-left font-normal">{s.label}</th>
                <td className="py-1 pr-2 text-right tabular-nums">{formatCents(s.cents, currency)}</td>
                <td className="py-1 text-right tabular-nums">{valid ? formatCents(convertCents(s.cents, rate, to), to) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p className="text-sm text-stone-600">No product has prices yet: only the currency changes.</p>}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton pendingLabel="Converting…" tone="secondary">Convert prices and change the currency</SubmitButton>
    </form>
  );
}
