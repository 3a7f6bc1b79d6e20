"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { BreakdownTable } from "@/components/orders/breakdown-table";
import { SpecificationList } from "@/components/orders/specification-list";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useLazy } from "@/components/ui/use-lazy";
import type { Definition, Selection } from "@/lib/configurator";
import { formatDate } from "@/lib/dates";
import { MAX_QUANTITY } from "@/lib/configurator/definition/selection-types";
import { formatCents } from "@/lib/money";
import { placeOrderAction, type CheckoutState } from "@/lib/orders/actions";
import type { CapacitySnapshot } from "@/lib/orders/checkout";
import type { SnapshotChoice } from "@/lib/orders/snapshot";
import { approvalNotice, quantityLimitMessage, type FairUse } from "@/lib/settings/fair-use";
import type { CheckoutQuote, quoteCheckout } from "./checkout-quote";

type Props = {
  product: { slug: string; name: string };
  versionId: string;
  definition: Definition;
  selection: Selection;
  /** The configuration encoded as the checkout submits it (the share-link format). */
  configuration: string;
  /** Every chosen option with its price (the same for any quantity). */
  choices: SnapshotChoice[];
  /** Price and promise for the quantity the page opened with, computed on the server. */
  initialQuote: CheckoutQuote;
  currency: string;
  capacity: CapacitySnapshot;
  idempotencyKey: string;
  customerName: string;
  configuratorHref: string;
  /** From lib/orders/schema, passed in by the page so the zod schemas there stay on the server. */
  countries: { code: string; name: string }[];
  /** The shop's fair-use rules, as the server enforces them (the quantity limit, approval of large orders). */
  fairUse: FairUse;
};

/** Checkout: specification, live total for the quantity, promise, address and notes; submits once per key. */
export function CheckoutForm(props: Props) {
  const { definition, selection, currency, capacity, countries, fairUse, choices } = props;
  const [state, action] = useActionState<CheckoutState, FormData>(placeOrderAction, {});
  // The field's text as typed: digits only, never coerced, so "1e2" or "-3" is shown as a mistake, not read as a number.
  const [typed, setTyped] = useState(String(props.initialQuote.quantity));
  const [notes, setNotes] = useState("");
  const quantity = /^\d{1,9}$/.test(typed) ? Number(typed) : Number.NaN;
  const quantityError = !/^\d+$/.test(typed)
    ? "Enter the quantity in digits, e.g. 2"
    : quantity < 1
      ? "Order at least 1"
      : quantity > fairUse.maxQuantity
        ? quantityLimitMessage(fairUse.maxQuantity)
        : null;
  const validQuantity = quantityError === null;
  // Over the limit the quote is still the typed quantity's (the summary is honest; the button is blocked).
  const quoted = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : 1;
  const { quote, updating, loadEngine } = useQuote(props.initialQuote, definition, selection, capacity, quoted);
  const { evaluation, plan } = quote;
  const approval = approvalNotice(fairUse, evaluation.productionHours, evaluation.totalCents, (cents) => formatCents(cents, currency));
  useGoToConfirmation(state.placed?.href);
  const v = (key: string, fallback = "") => state.values?.[key] ?? fallback;
  const err = (key: string) => state.errors?.[key];

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_380px]">
      <form action={action} className="space-y-8" noValidate>
        <input type="hidden" name="slug" value={props.product.slug} />
        <input type="hidden" name="configuration" value={props.configuration} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="expectedVersionId" value={props.versionId} />
        <input type="hidden" name="expectedTotalCents" value={evaluation.totalCents} />

        <section aria-labelledby="spec-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <div className="flex items-baseline justify-between">
            <h2 id="spec-heading" className="text-lg font-semibold">Your specification</h2>
            <Link href={props.configuratorHref} className="text-sm text-brand-700 underline">Change</Link>
          </div>
          <div className="mt-3"><SpecificationList choices={choices} currency={currency} /></div>
          {!evaluation.valid ? (
            <ul role="alert" className="mt-3 list-disc rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-700">
              {evaluation.problems.map((p, i) => <li key={i}>{p.message}</li>)}
            </ul>
          ) : null}
        </section>

        <section aria-labelledby="qty-heading" className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 id="qty-heading" className="text-lg font-semibold">Quantity</h2>
          <div className="mt-3 max-w-[10rem]">
            <Field
              label="How many"
              name="quantity"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              value={typed}
              onFocus={loadEngine}
              onPointerDown={loadEngine}
              onChange={(e) => setTyped(e.currentTarget.value.trim())}
              errors={quantityError ? [quantityError] : err("quantity")}
            />
          </div>
        </section>

        <fieldset className="rounded-xl border border-stone-200 bg-white p-5">
          <legend className="px-1 text-lg font-semibold">Delivery address</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2"><Field label="Recipient" name="address.name" autoComplete="name" defaultValue={v("address.name", props.customerName)} errors={err("address.name")} required /></div>
            <div className="sm:col-span-2"><Field label="Street and number" name="address.line1" autoComplete="address-line1" defaultValue={v("address.line1")} errors={err("address.line1")} required /></div>
            <div className="sm:col-span-2"><Field label="Apartment, floor (optional)" name="address.line2" autoComplete="address-line2" defaultValue={v("address.line2")} errors={err("address.line2")} /></div>
            <Field label="Postal code" name="address.postalCode" autoComplete="postal-code" defaultValue={v("address.postalCode")} errors={err("address.postalCode")} required />
            <Field label="City" name="address.city" autoComplete="address-level2" defaultValue={v("address.city")} errors={err("address.city")} required />
            <div className="sm:col-span-2">
              <label htmlFor="address.country" className="block text-sm font-medium text-stone-700">Country</label>
              <select
                id="address.country"
                name="address.country"
                defaultValue={v("address.country", "")}
                aria-invalid={err("address.country") ? true : undefined}
                aria-describedby={err("address.country") ? "address.country-error" : undefined}
                className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
                required
              >
                <option value="" disabled>Choose a country</option>
                {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
              {err("address.country") ? <p id="address.country-error" className="mt-1 text-sm text-red-600">{err("address.country")!.join(" ")}</p> : null}
            </div>
          </div>
        </fieldset>

        <section className="rounded-xl border border-stone-200 bg-white p-5">
          <label htmlFor="notes" className="text-lg font-semibold">Notes for the workshop <span className="text-sm font-normal text-stone-500">(optional)</span></label>
          <textarea
            id="notes"
            name="notes"
            rows={3}
            maxLength={1000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            aria-describedby="notes-count"
            className="mt-2 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm"
          />
          <p id="notes-count" className="mt-1 text-xs text-stone-500">{notes.length}/1000</p>
        </section>

        <div className="space-y-3">
          <FormMessage message={state.message} tone={state.placed ? "success" : "error"} />
          {state.problems?.length ? (
            <ul className="list-disc pl-6 text-sm text-red-700">{state.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          ) : null}
          {state.placed ? (
            <Link href={state.placed.href} className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              View order {state.placed.number}
            </Link>
          ) : state.current ? (
            <a href="" className="inline-block rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50">
              Review the updated order
            </a>
          ) : !validQuantity ? (
            // Never a price for a quantity the server refuses: the field says what to change.
            <button type="button" disabled aria-describedby="quantity-error" className="w-full cursor-not-allowed rounded-md bg-stone-300 px-4 py-2 font-medium text-stone-600" data-testid="place-order-blocked">
              Place order · change the quantity first
            </button>
          ) : updating ? (
            <button type="button" disabled className="w-full cursor-wait rounded-md bg-brand-600 px-4 py-2 font-medium text-white opacity-70">
              Updating the price…
            </button>
          ) : (
            <SubmitButton size="block" pendingLabel="Placing your order…">
              {`Place order · ${formatCents(evaluation.totalCents, currency)}`}
            </SubmitButton>
          )}
          {validQuantity && approval ? <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-900" data-testid="approval-notice">{approval}</p> : null}
          <p className="text-xs text-stone-500">Production starts only after we confirm your order. You can cancel until production starts.</p>
        </div>
      </form>

      <aside aria-labelledby="summary-heading" className="h-fit rounded-xl border border-stone-200 bg-white p-5 lg:sticky lg:top-6">
        <h2 id="summary-heading" className="text-lg font-semibold">Summary</h2>
        <div className="mt-3"><BreakdownTable breakdown={evaluation.breakdown} currency={currency} /></div>
        <div className="mt-4 rounded-lg bg-brand-50 p-3 text-sm">
          {plan.ok ? (
            <>
              <p className="font-medium text-brand-900" data-testid="checkout-promise">Estimated delivery: {formatDate(plan.promisedDate)}</p>
              <ul className="mt-1 text-stone-600">
                {evaluation.leadDrivers.slice(0, 3).map((d, i) => <li key={i}>{d.message}</li>)}
                <li>{evaluation.productionHours} workshop hours, booked on the first days each work centre has free</li>
              </ul>
              <p className="mt-1 text-xs text-stone-500">Confirmed when you place the order.</p>
            </>
          ) : (
            <p className="text-amber-800">{plan.message}</p>
          )}
        </div>
      </aside>
    </div>
  );
}

/** Once the order is placed, the confirmation page replaces the checkout (back does not resubmit). */
function useGoToConfirmation(href: string | undefined) {
  const router = useRouter();
  useEffect(() => {
    if (href) router.replace(href);
  }, [href, router]);
}

type Quote = typeof quoteCheckout;

/**
 * The price and promise for the current quantity: the server's for the quantity the page opened with, and
 * the engine's (loaded once the customer reaches for the quantity field) for any other. While the engine
 * loads, the last quote stays on screen and `updating` is true.
 */
function useQuote(initial: CheckoutQuote, definition: Definition, selection: Selection, capacity: CapacitySnapshot, quantity: number) {
  const quoter = useLazy(() => import("./checkout-quote").then((module): Quote => module.quoteCheckout), "checkout engine");
  const { value: engine, load } = quoter;
  const loadEngine = useCallback(() => void load().catch(() => undefined), [load]);
  const wanted = useMemo(
    () => (quantity === initial.quantity ? initial : engine ? engine(definition, selection, quantity, capacity) : null),
    [initial, engine, definition, selection, quantity, capacity],
  );
  const last = useRef(initial);
  useEffect(() => {
    if (wanted) last.current = wanted;
    else loadEngine();
  });
  return { quote: wanted ?? last.current, updating: wanted === null, loadEngine };
}
