import { selectionSchema } from "../definition/selection";
import type { Selection } from "../definition/selection-types";

// Share links: a selection as "v1." + base64url(JSON). Works in browsers and Node (TextEncoder,
// btoa/atob; no Buffer). Decoding never throws, and checks the content with the selection schema
// (zod/mini): the browser then normalizes it against the definition, and the server, which trusts
// nothing the browser sent, decodes and checks it the same way.

const PREFIX = "v1.";
const MAX_LENGTH = 16_000;

export type DecodeResult = { ok: true; selection: Selection } | { ok: false; message: string };

/** Encodes a selection as a compact, URL-safe string ("v1.eyJ..."). */
export function encodeSelection(selection: Selection): string {
  const bytes = new TextEncoder().encode(JSON.stringify(selection));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes a share-link string back to a validated selection, with a clear message when it is not one. */
export function decodeSelection(value: unknown): DecodeResult {
  if (typeof value !== "string" || value.length === 0) return { ok: false, message: "The link has no configuration in it" };
  if (value.length > MAX_LENGTH) return { ok: false, message: "The configuration in this link is too long" };
  const version = /^v(\d+)\./.exec(value);
  if (!version) return { ok: false, message: "This is not a configuration link" };
  if (value.slice(0, version[0].length) !== PREFIX) return { ok: false, message: `This link was made by a newer version (v${version[1]}); it cannot be opened here` };
  const body = value.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return { ok: false, message: "The configuration link is damaged (it has characters that do not belong)" };
  let json: unknown;
  try {
    const binary = atob(body.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(body.length / 4) * 4, "="));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: "The configuration link is damaged (it could not be read)" };
  }
  const selection = isSelectionShape(json);
  if (!selection) return { ok: false, message: "The configuration link is damaged (its content is not a configuration)" };
  return { ok: true, selection };
}

/**
 * The selection a decoded link's JSON is, by the selection schema, or null: a plain object of at most
 * MAX_SELECTION_GROUPS entries keyed by ids, whose values are a string of at most 1,000 characters, at
 * most 200 option ids, or a finite number (an own "__proto__" key, which JSON.parse makes, is left out).
 */
export function isSelectionShape(value: unknown): Selection | null {
  const parsed = selectionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
