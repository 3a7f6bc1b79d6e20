// The configuration engine and what only it needs, as the configurator page loads it: on the first
// interaction (or at once for a share link), never at page load. The first view comes from the server
// (lib/configurator/view), so the page needs none of this to show the price, the reasons and the week.
import { estimateDelivery, isDeliveryContext, type DeliveryEstimate } from "@/lib/delivery/estimate";
import { formatCents } from "@/lib/money";
import { approvalNotice, quantityLimitMessage, readFairUse } from "@/lib/settings/fair-use";

export { configuratorView, tidySelection } from "@/lib/configurator/view";
export { fixFor } from "@/lib/configurator/evaluate/fix";
export { readShareLink } from "@/lib/configurator/share/share-link";
export { LinkNotice } from "./link-notice";
export { replayChanges } from "./queued-changes";

/**
 * What the summary says about fair use for this quantity and configuration (the rules come with the delivery
 * context): the quantity limit's message, or that a large order waits for approval. Here, not in the page's
 * first load: the page only compares the figures and loads the engine when one applies.
 */
export function fairUseNotes(context: unknown, quantity: number, productionHours: number, totalCents: number, currency: string): { limit: string | null; approval: string | null } {
  const fairUse = readFairUse((context as { fairUse?: unknown } | null)?.fairUse);
  if (!fairUse) return { limit: null, approval: null };
  if (quantity > fairUse.maxQuantity) return { limit: quantityLimitMessage(fairUse.maxQuantity), approval: null };
  return { limit: null, approval: approvalNotice(fairUse, productionHours, totalCents, (cents) => formatCents(cents, currency)) };
}

/** The delivery estimate from the context /api/delivery-context sent, or null when that is not a context. */
export function estimateFor(context: unknown, leadDays: number, productionHours: number): DeliveryEstimate | null {
  return isDeliveryContext(context) ? estimateDelivery(context, leadDays, productionHours) : null;
}
