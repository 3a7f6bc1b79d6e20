// The configuration engine and what only it needs, as the configurator page loads it: on the first
// interaction (or at once for a share link), never at page load. The first view comes from the server
// (lib/configurator/view), so the page needs none of this to show the price, the reasons and the delivery date.
import { estimateDelivery, isDeliveryContext, wordEstimate, type ShownEstimate, type WorkItem } from "@/lib/delivery/estimate";

export { configuratorView, tidySelection } from "@/lib/configurator/view";
export { fixFor, fixesFor } from "@/lib/configurator/evaluate/fix";
export { readShareLink } from "@/lib/configurator/share/share-link";
export { FairUseNote } from "./fair-use-note";
export { focusAfterFix } from "./focus-after-fix";
export { applyChange, replayChanges, replayWithInference } from "./queued-changes";
export { InferenceNotice } from "./inference-notice";

/** The delivery estimate, worded, from the context /api/delivery-context sent, or null when that is not a context. */
export function estimateFor(context: unknown, leadDays: number, work: readonly WorkItem[]): ShownEstimate | null {
  return isDeliveryContext(context) ? wordEstimate(estimateDelivery(context, leadDays, work)) : null;
}

/**
 * Copies the link to the configuration on screen (the page's address with its code and quantity) and says
 * what happened, for the summary to show: loaded with the engine, as the button is pressed.
 */
export async function copyShareLink(code: string, quantity: number): Promise<string> {
  const url = new URL(window.location.href);
  url.searchParams.set("c", code);
  if (quantity === 1) url.searchParams.delete("q");
  else url.searchParams.set("q", String(quantity));
  try {
    await navigator.clipboard.writeText(url.href);
    return "Link copied: anyone who opens it sees this configuration.";
  } catch {
    return `Copy this link: ${url.href}`;
  }
}
