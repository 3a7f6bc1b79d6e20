import { ID_PATTERN, MAX_SELECTION_GROUPS, type Selection } from "../definition/selection-types";

// Share links: a selection as "v1." + base64url(JSON). Works in browsers and Node (TextEncoder,
// btoa/atob; no Buffer). Decoding never throws.
//
// This module has no zod in it, so the configurator's browser bundle stays small: the browser checks a
// decoded link by hand (`isSelectionShape`, the same rules as `selectionSchema`), then normalizes it
// against the definition. The server decodes with the full zod schema (`decodeSelection` in ./share)
// and trusts nothing the browser sent.

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

/** Decodes a share-link string and checks its content with `check`, with a clear message when it is not a selection. */
export function decodeSelectionWith(value: unknown, check: (json: unknown) => Selection | null): DecodeResult {
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
  const selection = check(json);
  if (!selection) return { ok: false, message: "The configuration link is damaged (its content is not a configuration)" };
  return { ok: true, selection };
}

const isId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);

/**
 * The rules of `selectionSchema` by hand: a plain object of at most MAX_SELECTION_GROUPS entries, keyed by
 * ids, whose values are a string of at most 1,000 characters, at most 200 option ids, or a finite number.
 * Like zod's record, an own "__proto__" key (JSON.parse makes one) is left out of the result.
 */
export function isSelectionShape(value: unknown): Selection | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const keys = Object.keys(value);
  if (keys.length > MAX_SELECTION_GROUPS) return null;
  if (Object.getOwnPropertySymbols(value).length > 0) return null;
  const selection: Selection = {};
  for (const key of keys) {
    if (key === "__proto__") continue;
    if (!isId(key)) return null;
    const entry = (value as Record<string, unknown>)[key];
    if (typeof entry === "string") {
      if (entry.length > 1000) return null;
    } else if (Array.isArray(entry)) {
      if (entry.length > 200 || !entry.every(isId)) return null;
    } else if (typeof entry !== "number" || !Number.isFinite(entry)) {
      return null;
    }
    selection[key] = Array.isArray(entry) ? [...entry] : (entry as string | number);
  }
  return selection;
}

/** Decodes a share link with the hand check (the browser's path: the result is normalized, and the server re-validates). */
export function decodeSelectionLight(value: unknown): DecodeResult {
  return decodeSelectionWith(value, isSelectionShape);
}
