"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";
import type { OrderStatus } from "@/lib/orders/status";

/** Cancelling asks for confirmation and a reason (the customer reads it) in a dialog; capacity is released. */
export function CancelForm({ number, from, size = "md", decline = false }: { number: string; from: OrderStatus; size?: "sm" | "md"; decline?: boolean }) {
  // The dialog is built on the first click, not with the page.
  const [opened, setOpened] = useState(0);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpened((n) => n + 1)}
        className={`rounded-md border border-red-200 bg-white font-medium text-red-700 hover:bg-red-50 ${size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-4 py-2 text-sm"}`}
      >
        {decline ? "Decline…" : "Cancel…"}<span className="sr-only"> order {number}</span>
      </button>
      {opened ? <CancelDialog key={opened} number={number} from={from} decline={decline} onClose={() => setOpened(0)} /> : null}
    </>
  );
}

/**
 * The cancel dialog itself, open from the moment it mounts; `onClose` runs when it closes (kept, cancelled,
 * Escape). The board opens one for the card whose Cancel button was pressed (BoardActions).
 */
export function CancelDialog({ number, from, decline = false, onClose }: { number: string; from: OrderStatus; decline?: boolean; onClose: () => void }) {
  const [state, action] = useActionState(transitionOrderAction, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  const reasonErrors = state.errors?.reason;
  return (
        <dialog ref={dialog} onClose={onClose} aria-labelledby={`${id}-title`} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-stone-900/40">
          <form action={action} className="space-y-4 p-5">
            <h2 id={`${id}-title`} className="text-lg font-semibold">{decline ? "Decline" : "Cancel"} order {number}?</h2>
            <p className="text-sm text-stone-600">
              {decline
                ? "The order is cancelled; the customer is told by email and on their order page. It booked no workshop hours. This cannot be undone."
                : "The customer is told by email and on their order page; its booked workshop hours are released. This cannot be undone."}
            </p>
            <input type="hidden" name="number" value={number} />
            <input type="hidden" name="expected" value={from} />
            <input type="hidden" name="to" value="CANCELLED" />
            <div>
              <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-700">Reason</label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                required
                maxLength={500}
                rows={3}
                defaultValue={state.values?.reason}
                aria-invalid={reasonErrors ? true : undefined}
                aria-describedby={reasonErrors ? `${id}-reason-error` : undefined}
                className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm"
              />
              {reasonErrors ? <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-600">{reasonErrors.join(" ")}</p> : null}
            </div>
            <div aria-live="polite">{state.message && !state.ok ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p> : null}</div>
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-stone-300 px-4 py-2 text-sm hover:bg-stone-100">Keep order</button>
              <SubmitButton tone="danger" pendingLabel="Cancelling…">{decline ? "Decline order" : "Cancel order"}</SubmitButton>
            </div>
          </form>
        </dialog>
  );
}
