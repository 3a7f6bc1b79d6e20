import type { CapacitySnapshot } from "@/lib/orders/checkout";
import type { Definition, EvaluateResult, Selection } from "@/lib/configurator";
// Deep imports: the engine's index also carries the zod schemas and the admin linter.
import { evaluate } from "@/lib/configurator/evaluate/evaluate";
import { estimateDelivery } from "@/lib/delivery/estimate";
import { workOf } from "@/lib/delivery/work";

// What the checkout shows for a quantity: the price (itemized) and the delivery promise. The page computes
// it on the server for the quantity it opens with; the browser loads this module (and the engine with it)
// only when the customer changes the quantity, so the checkout's first load carries no engine.

export type CheckoutEvaluation = Pick<EvaluateResult, "valid" | "problems" | "breakdown" | "totalCents" | "leadDrivers" | "productionHours">;
export type CheckoutPromise = { ok: true; promisedDate: Date } | { ok: false; message: string };
export type CheckoutQuote = { quantity: number; evaluation: CheckoutEvaluation; plan: CheckoutPromise };

/** Evaluates the configuration for `quantity` and plans its delivery into the shop's free capacity. */
export function quoteCheckout(definition: Definition, selection: Selection, quantity: number, capacity: CapacitySnapshot): CheckoutQuote {
  const evaluation = evaluate(definition, selection, { quantity });
  const plan = estimateDelivery(capacity, evaluation.leadDays, workOf(evaluation));
  const { valid, problems, breakdown, totalCents, leadDrivers, productionHours } = evaluation;
  return {
    quantity,
    evaluation: { valid, problems, breakdown, totalCents, leadDrivers, productionHours },
    plan: plan.ok ? { ok: true, promisedDate: plan.promisedDate } : { ok: false, message: plan.message },
  };
}
