import { carryOver, type Definition, type Selection } from "@/lib/configurator";
import type { OrderSnapshot } from "./snapshot";

export type ReorderPlan = {
  selection: Selection;
  differences: string[];
  valid: boolean;
  problems: string[];
  oldTotalCents: number;
  newTotalCents: number;
};

/**
 * Carries a past order's configuration over to the current version of its product, and says in words
 * what differs: options that no longer exist, choices that changed, and the price (lib/configurator's carryOver).
 */
export function planReorder(snapshot: OrderSnapshot, definition: Definition): ReorderPlan {
  const { selection, differences, evaluation } = carryOver(snapshot, definition);
  return {
    selection,
    differences,
    valid: evaluation.valid,
    problems: evaluation.problems.map((p) => p.message),
    oldTotalCents: snapshot.totalCents,
    newTotalCents: evaluation.totalCents,
  };
}
