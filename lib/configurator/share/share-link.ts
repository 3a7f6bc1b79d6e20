import { normalize } from "../evaluate/normalize";
import type { Definition } from "../definition/schema";
import { MAX_QUANTITY, type Selection } from "../definition/selection-types";
import { decodeSelection } from "./share-codec";

export type ShareLink = { selection?: Selection; quantity?: number; notice?: string };

/** The query string readShareLink reads, from a page's `c` and `q` search parameters (any that is not one string is left out). */
export function shareLinkSearch(c: unknown, q: unknown): string {
  const search = new URLSearchParams();
  if (typeof c === "string") search.set("c", c);
  if (typeof q === "string") search.set("q", q);
  return search.toString();
}

/** Reads `?c=` and `?q=` from a share link: the selection (or why it cannot be used) and the quantity. */
export function readShareLink(definition: Definition, search: string): ShareLink {
  const params = new URLSearchParams(search);
  const out: ShareLink = {};
  const q = Number(params.get("q"));
  if (params.has("q") && Number.isInteger(q) && q >= 1 && q <= MAX_QUANTITY) out.quantity = q;
  const code = params.get("c");
  if (code === null) return out;
  const decoded = decodeSelection(code);
  if (!decoded.ok) return { ...out, notice: `${decoded.message}. We started from the standard configuration instead.` };
  const normalized = normalize(definition, decoded.selection);
  if (!normalized.ok) {
    return { ...out, notice: "This link was made for an earlier version of this product, so some of its choices no longer exist. We started from the standard configuration instead." };
  }
  return { ...out, selection: normalized.selection };
}

