"use client";

import { useState, useTransition } from "react";
import { initialFormState } from "@/lib/forms/state";
import { transitionOrderAction } from "@/lib/orders/staff-actions";
import type { OrderStatus } from "@/lib/orders/status";
import { CancelDialog } from "./cancel-form";

type Cancelling = { number: string; from: OrderStatus; decline: boolean; key: number };

/**
 * The board's one-click steps for all its cards at once: the cards are plain server HTML whose <li> carries
 * the order (data-number, data-from) and whose buttons say what they do (data-action="advance" with data-to,
 * or "cancel"), and this one listener runs them. A client component in each of up to 180 cards made every
 * board render serialize and hydrate as many components; one here costs the same whatever the board holds.
 */
export function BoardActions({ children }: { children: React.ReactNode }) {
  const [cancelling, setCancelling] = useState<Cancelling | null>(null);
  const [message, setMessage] = useState("");
  const [, startTransition] = useTransition();

  function advance(button: HTMLButtonElement, order: DOMStringMap, to: string) {
    const form = new FormData();
    form.set("number", order.number ?? "");
    form.set("expected", order.from ?? "");
    form.set("to", to);
    // The button reads "Saving…" while the step runs (its label is its first text; the rest names the order).
    const label = button.firstChild;
    const idle = label?.textContent ?? "";
    if (label) label.textContent = "Saving…";
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    setMessage("");
    startTransition(async () => {
      const result = await transitionOrderAction(initialFormState, form);
      if (!result.ok) setMessage(`${order.number}: ${result.message ?? "could not be moved."}`);
      // On success the action refreshes the board, which moves the card (and renders a fresh button).
      if (label) label.textContent = idle;
      button.disabled = false;
      button.removeAttribute("aria-busy");
    });
  }

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const card = button?.closest<HTMLElement>("li[data-number]");
    if (!button || !card || button.disabled || !event.currentTarget.contains(button)) return;
    const order = card.dataset;
    if (button.dataset.action === "advance") advance(button, order, button.dataset.to ?? "");
    if (button.dataset.action === "cancel") setCancelling({ number: order.number ?? "", from: order.from as OrderStatus, decline: button.dataset.decline === "1", key: Date.now() });
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
