"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BreakdownTable } from "@/components/orders/breakdown-table";
import { SpecificationList } from "@/components/orders/specification-list";
import { SaveAddressConsent } from "@/components/customers/save-address-consent";
import { SavedAddressPicker, type PickerAddress } from "@/components/customers/saved-address-picker";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useLazy } from "@/components/ui/use-lazy";
import type { Definition, Selection } from "@/lib/configurator";
import { formatDate } from "@/lib/dates";
import { readQuantity } from "@/lib/configurator/quantity";
import { formatCents } from "@/lib/money";
import { placeOrderAction, type CheckoutState } from "@/lib/orders/actions";
import type { CapacitySnapshot } from "@/lib/orders/checkout";
import type { SnapshotChoice } from "@/lib/orders/snapshot";
import { approvalNotice, type FairUse } from "@/lib/settings/fair-use";
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
  /** The quantity as the link gave it (never clamped: a quantity that cannot be ordered is shown with why). */
  initialQuantityText: string;
  currency: string;
  capacity: CapacitySnapshot;
  idempotencyKey: string;
  customerName: string;
  configuratorHref: string;
  /** From lib/orders/schema, passed in by the page so the zod schemas there stay on the server. */
  countries: { code: string; name: string }[];
  /** The shop's fair-use rules, as the server enforces them (the quantity limit, approval of large orders). */
  fairUse: FairUse;
  /** The customer's saved addresses (lib/customers), and the one to fill in as the page opens (Order again). */
  addressBook?: { addresses: PickerAddress[]; initialId: string | null };
};

/** Checkout: specification, live total for the quantity, promise, address and notes; submits once per key. */
export function CheckoutForm(props: Props) {
  const { definition, selection, currency, capacity, countries, fairUse, choices } = props;
  const [state, action] = useActionState<CheckoutState, FormData>(placeOrderAction, {});
  // Every field is controlled: what was typed stays whatever the server answers (React resets a form's
  // uncontrolled fields after an action, and a <select> would fall back to its first option).
  // The quantity as typed: digits only, never coerced, so "1e2" or "-3" is shown as a mistake, not read as a number.
  const [typed, setTyped] = useState(props.initialQuantityText);
  const [address, setAddress] = useState<Record<AddressField, string>>({ name: props.customerName, line1: "", line2: "", postalCode: "", city: "", country: "" });
  const [notes, setNotes] = useState("");
  const reading = readQuantity(typed, fairUse.maxQuantity);
  const quantityError = reading.ok ? null : reading.message;
  const validQuantity = reading.ok;
  // The quote is always the typed quantity's (over the limit too: the summary is honest, the button is blocked);
  // a quantity that cannot be priced shows no total.
  const priced = reading.ok || reading.quantity !== undefined;
  const quoted = reading.quantity ?? props.initialQuote.quantity;
  const { quote, updating, loadEngine } = useQuote(props.initialQuote, definition, selection, capacity, quoted);
  const { evaluation, plan } = quote;
  const approval = approvalNotice(fairUse, evaluation.productionHours, evaluation.totalCents, (cents) => formatCents(cents, currency));
  useGoToConfirmation(state.placed?.href);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useKeepTyped(state, formRef, { ...prefixed(address), quantity: typed, notes });
  useFocusFirstError(state, formRef, summaryRef);
  const err = (key: string) => state.errors?.[key];
  const setField = (field: AddressField) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setAddress((a) => ({ ...a, [field]: value }));
  };
  const failed = !state.placed && (state.message || state.errors || state.problems?.length) ? state : null;
  const fieldErrors = Object.entries(failed?.errors ?? {}).filter((entry): entry is [string, string[]] => !!entry[1]?.length);

  return (
    // One grid inside the form: on a phone the summary (breakdown, total, date) comes before Place order; from
    // lg up it is the right column beside the fields and the button.
    <form ref={formRef} action={action} className="mt-6 grid gap-8 lg:grid-cols-[1fr_380px]" noValidate>
      <div className="space-y-8 lg:col-start-1 lg:row-start-1">
        {failed ? (
          <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-800 focus:outline-2 focus:outline-red-600" data-testid="checkout-errors">
            <p className="font-medium">{failed.message ?? "Please correct the highlighted fields."}</p>
            {fieldErrors.length ? (
              <ul className="mt-1 list-disc pl-5">
                {fieldErrors.map(([field, messages]) => (
                  <li key={field}><a href={`#${field}`} className="underline underline-offset-2">{messages.join(" ")}</a></li>
                ))}
              </ul>
            ) : null}
            {failed.problems?.length ? <ul className="mt-1 list-disc pl-5">{failed.problems.map((p, i) => <li key={i}>{p}</li>)}</ul> : null}
          </div>
        ) : null}
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
              errors={quantityError ? [quantityError] : typed === failed?.values?.quantity ? err("quantity") : undefined}
            />
          </div>
        </section>

        <fieldset className="rounded-xl border border-stone-200 bg-white p-5">
          <legend className="px-1 text-lg font-semibold">Delivery address</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {props.addressBook?.addresses.length ? <SavedAddressPicker addresses={props.addressBook.addresses} initialId={props.addressBook.initialId} /> : null}
            <div className="sm:col-span-2"><Field label="Recipient" name="address.name" autoComplete="name" value={address.name} onChange={setField("name")} errors={err("address.name")} required /></div>
            <div className="sm:col-span-2"><Field label="Street and number" name="address.line1" autoComplete="address-line1" value={address.line1} onChange={setField("line1")} errors={err("address.line1")} required /></div>
            <div className="sm:col-span-2"><Field label="Apartment, floor (optional)" name="address.line2" autoComplete="address-line2" value={address.line2} onChange={setField("line2")} errors={err("address.line2")} /></div>
            <Field label="Postal code" name="address.postalCode" autoComplete="postal-code" value={address.postalCode} onChange={setField("postalCode")} errors={err("address.postalCode")} required />
            <Field label="City" name="address.city" autoComplete="address-level2" value={address.city} onChange={setField("city")} errors={err("address.city")} required />
            <div className="sm:col-span-2">
              <label htmlFor="address.country" className="block text-sm font-medium text-stone-700">Country</label>
              <select
                id="address.country"
                name="address.country"
                value={address.country}
                onChange={setField("country")}
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
            <SaveAddressConsent errors={err("phone")} />
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

      </div>

      <aside aria-labelledby="summary-heading" className="h-fit rounded-xl border border-stone-200 bg-white p-5 lg:sticky lg:top-6 lg:col-start-2 lg:row-span-2 lg:row-start-1" data-testid="checkout-summary">
        <h2 id="summary-heading" className="text-lg font-semibold">Summary</h2>
        {priced ? (
          <div className="mt-3"><BreakdownTable breakdown={evaluation.breakdown} currency={currency} /></div>
        ) : (
          <p className="mt-3 text-sm text-stone-600" data-testid="no-total">No total yet: {quantityError}</p>
        )}
        <div className="mt-4 rounded-lg bg-brand-50 p-3 text-sm">
          {!priced ? (
            <p className="text-stone-700">The delivery date shows once the quantity can be ordered.</p>
          ) : plan.ok ? (
            <>
              <p className="font-medium text-brand-900" data-testid="checkout-promise">Estimated delivery: {formatDate(plan.promisedDate)}</p>
              <ul className="mt-1 text-stone-600">
                {evaluation.leadDrivers.slice(0, 3).map((d, i) => <li key={i}>{d.message}</li>)}
                <li>{evaluation.productionHours} workshop hours, booked on the first days each work centre has free</li>
              </ul>
              <p className="mt-1 text-xs text-stone-700">Confirmed when you place the order.</p>
            </>
          ) : (
            <p className="text-amber-800">{plan.message}</p>
          )}
        </div>
      </aside>

      <div className="space-y-3 lg:col-start-1 lg:row-start-2">
        <FormMessage message={state.placed ? state.message : undefined} tone="success" />
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
  );
}

type AddressField = "name" | "line1" | "line2" | "postalCode" | "city" | "country";

const prefixed = (address: Record<AddressField, string>) => Object.fromEntries(Object.entries(address).map(([k, v]) => [`address.${k}`, v]));

/**
 * React resets a form after its action returns, and a controlled <select> is not put back (the Country choice
 * was lost after every refused submit): once the answer is rendered, every field shows what was typed again.
 */
function useKeepTyped(state: CheckoutState, form: React.RefObject<HTMLFormElement | null>, typed: Record<string, string>) {
  const latest = useRef(typed);
  latest.current = typed;
  useLayoutEffect(() => {
    const restore = () => {
      for (const [name, value] of Object.entries(latest.current)) {
        const field = form.current?.elements.namedItem(name);
        if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) && field.value !== value) field.value = value;
      }
    };
    restore();
    // The reset may also come after this commit: check again on the next frame.
    const frame = requestAnimationFrame(restore);
    return () => cancelAnimationFrame(frame);
  }, [state, form]);
}

/**
 * After a refused submit, focus goes to the first field marked invalid, or to the summary of what went wrong
 * at the top (a message that belongs to no field), so a keyboard or screen-reader user lands on what to fix.
 */
function useFocusFirstError(state: CheckoutState, form: React.RefObject<HTMLFormElement | null>, summary: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    if (state.placed || !(state.message || state.errors || state.problems?.length)) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? summary.current)?.focus();
  }, [state, form, summary]);
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
