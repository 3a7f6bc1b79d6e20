"use client";

import { formatCents } from "@/lib/money";
import { approvalNotice, readFairUse } from "@/lib/settings/fair-use";

// What the summary says about fair use (issue 19): that a large order waits for the workshop's approval (the
// quantity limit is said at the quantity field, from the page's first paint). It loads with the engine (./configurator-engine), never with the page: the page only
// compares the figures of the delivery context's rules and loads the engine when one applies.

type Props = { context: unknown; quantity: number; productionHours: number; totalCents: number; currency: string };

/** The fair-use note for this quantity and configuration, or nothing when no rule applies. */
export function FairUseNote({ context, quantity, productionHours, totalCents, currency }: Props) {
  const fairUse = readFairUse((context as { fairUse?: unknown } | null)?.fairUse);
  if (!fairUse) return null;
  if (quantity > fairUse.maxQuantity) return null;
  const approval = approvalNotice(fairUse, productionHours, totalCents, (cents) => formatCents(cents, currency));
  return approval ? <p className="mt-3 rounded-xl border border-orange-200 bg-orange-50 p-3 text-sm text-orange-900" data-testid="approval-notice">{approval}</p> : null;
}
