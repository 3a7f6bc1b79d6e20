// The configuration engine and what only it needs, as the configurator page loads it: on the first
// interaction (or at once for a share link), never at page load. The first view comes from the server
// (lib/configurator/view), so the page needs none of this to show the price, the reasons and the delivery date.
import { estimateDelivery, isDeliveryContext, type DeliveryEstimate, type WorkItem } from "@/lib/delivery/estimate";

export { configuratorView, tidySelection } from "@/lib/configurator/view";
export { fixFor, fixesFor } from "@/lib/configurator/evaluate/fix";
export { readShareLink } from "@/lib/configurator/share/share-link";
export { FairUseNote } from "./fair-use-note";
export { focusAfterFix } from "./focus-after-fix";
export { applyChange, replayChanges, replayWithInference } from "./queued-changes";
export { InferenceNotice } from "./inference-notice";

/** The delivery estimate from the context /api/delivery-context sent, or null when that is not a context. */
export function estimateFor(context: unknown, leadDays: number, work: readonly WorkItem[]): DeliveryEstimate | null {
  return isDeliveryContext(context) ? estimateDelivery(context, leadDays, work) : null;
}
