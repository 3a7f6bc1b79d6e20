import { selectionSchema } from "../definition/selection";
import { decodeSelectionWith, type DecodeResult } from "./share-codec";

// Share links: a selection as "v1." + base64url(JSON); the codec itself is in ./share-codec (no zod, so the
// browser can use it). Here decoding validates with the full selection schema: the server's path.

export { encodeSelection, type DecodeResult } from "./share-codec";

/** Decodes a share-link string back to a validated selection, with a clear message when it is not one. */
export function decodeSelection(value: unknown): DecodeResult {
  return decodeSelectionWith(value, (json) => {
    const parsed = selectionSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  });
}
