"use client";

import { useState, useTransition } from "react";
import { initialFormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";
import type { OrderStatus } from "@/lib/orders/status";
import { CancelDialog } from "./cancel-form";

type Cancelling = { number: string; from: OrderStatus; decline: boolean; key: number };

/**
 * The board's one-click steps for all its cards at once: the cards are plain server HTML whose buttons say
 * what they do in data attributes (data-action="advance" or "cancel", data-number, data-from, data-to), and
 * this one listener runs them. A client component in each of up to 180 cards made every board render
 * serialize and hydrate as many components; one here costs the same whatever the board holds.
 */
export function BoardActions({ children }: { children: React.ReactNode }) {
  const [cancelling, setCancelling] = useState<Cancelling | null>(null);
  const [message, setMessage] = useState("");
  const [, startTransition] = useTransition();

  function advance(button: HTMLButtonElement, data: DOMStringMap) {
    const form = new FormData();
    form.set("number", data.number ?? "");
    form.set("expected", data.from ?? "");
    form.set("to", data.to ?? "");
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    setMessage("");
    startTransition(async () => {
      const result = await transitionOrderAction(initialFormState, form);
      if (!result.ok) setMessage(`${data.number}: ${result.message ?? "could not be moved."}`);
      // On success the action refreshes the board, which moves the card (and renders a fresh button).
      button.disabled = false;
      button.removeAttribute("aria-busy");
    });
  }

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (!button || button.disabled || !event.currentTarget.contains(button)) return;
    const data = button.dataset;
    if (data.action === "advance") advance(button, data);
    if (data.action === "cancel") setCancelling({ number: data.number ?? "", from: data.from as OrderStatus, decline: data.decline === "1", key: Date.now() });
  }

  return (
    <div onClick={onClick}>
      <div aria-live="polite" className="text-sm">
        {message ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-red-700">{message}</p> : null}
      </div>
      {children}
      {cancelling ? <CancelDialog key={cancelling.key} number={cancelling.number} from={cancelling.from} decline={cancelling.decline} onClose={() => setCancelling(null)} /> : null}
    </div>
  );
}
