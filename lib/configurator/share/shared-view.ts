import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { defaultSelection, initialView, type ConfiguratorView } from "../view";
import { readShareLink } from "./share-link";

/** What a share link opens on the server: its first view, the defaults (for Reset), and what the page says about the link. */
export type SharedView = { view: ConfiguratorView; defaults: Selection; notice: string | null; restored: boolean };

/**
 * The first view of a share link (`?c=` and `?q=`), read and normalized on the server with the same functions
 * the browser uses: a link that cannot be used opens the defaults with the reason.
 */
export function sharedView(definition: Definition, search: string, currency: string): SharedView {
  const link = readShareLink(definition, search);
  const defaults = defaultSelection(definition);
  const view = initialView(definition, currency, link.selection ?? defaults, link.quantity ?? 1);
  return { view, defaults, notice: link.notice ?? null, restored: !!link.selection && !link.notice };
}
