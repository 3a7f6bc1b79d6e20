"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Definition, Selection } from "@/lib/configurator";
// Deep imports keep the admin-only parts of the engine (lint, definition schema) out of the browser bundle.
import { evaluate, MAX_QUANTITY } from "@/lib/configurator/evaluate";
import { normalize } from "@/lib/configurator/normalize";
// Share links are checked by hand here (no zod in the browser); the server re-validates with the full schema.
import { decodeSelectionLight as decodeSelection, encodeSelection } from "@/lib/configurator/share-codec";

/** The definition's defaults (normalize fills every group's default). */
export function defaultSelection(definition: Definition): Selection {
  const result = normalize(definition, {});
  return result.ok ? result.selection : {};
}

/** Drops what the new choice hid (e.g. fabric colours once leather is chosen); keeps the raw value when it cannot be normalized. */
function tidy(definition: Definition, selection: Selection): Selection {
  const result = normalize(definition, selection);
  return result.ok ? result.selection : selection;
}

/** Reads `?c=` and `?q=` from a share link: the selection (or why it cannot be used) and the quantity. */
export function readShareLink(definition: Definition, search: string): { selection?: Selection; quantity?: number; notice?: string } {
  const params = new URLSearchParams(search);
  const out: { selection?: Selection; quantity?: number; notice?: string } = {};
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

type Options = { definition: Definition; initialSelection?: Selection; syncUrl: boolean };

/** The configurator's state: the selection, the quantity, their evaluation, and the share link in the URL. */
export function useConfiguration({ definition, initialSelection, syncUrl }: Options) {
  const defaults = useMemo(() => defaultSelection(definition), [definition]);
  const [selection, setSelection] = useState<Selection>(() => (initialSelection ? tidy(definition, initialSelection) : defaults));
  const [quantity, setQuantity] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const loaded = useRef(false);

  // The page is cached and the same for everyone, so the share link is read in the browser after hydration.
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    const link = readShareLink(definition, window.location.search);
    if (link.selection) setSelection(link.selection);
    if (link.quantity) setQuantity(link.quantity);
    if (link.notice) setNotice(link.notice);
    if (link.selection && !link.notice) setRestored(true);
  }, [definition]);

  const code = useMemo(() => encodeSelection(selection), [selection]);

  useEffect(() => {
    if (!syncUrl || !loaded.current) return;
    const timer = window.setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("c", code);
      if (quantity === 1) url.searchParams.delete("q");
      else url.searchParams.set("q", String(quantity));
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
    }, 100);
    return () => window.clearTimeout(timer);
  }, [code, quantity, syncUrl]);

  const result = useMemo(() => evaluate(definition, selection, { quantity }), [definition, selection, quantity]);

  const update = useCallback(
    (change: (current: Selection) => Selection) => {
      setSelection((current) => tidy(definition, change(current)));
      setRestored(false);
    },
    [definition],
  );

  const actions = useMemo(
    () => ({
      choose: (group: string, option: string) => update((s) => ({ ...s, [group]: option })),
      clear: (group: string) =>
        update((s) => {
          const { [group]: _removed, ...rest } = s;
          return rest;
        }),
      toggle: (group: string, option: string) =>
        update((s) => {
          const current = Array.isArray(s[group]) ? (s[group] as string[]) : [];
          return { ...s, [group]: current.includes(option) ? current.filter((id) => id !== option) : [...current, option] };
        }),
      // Numbers and texts are kept as typed, even out of range, so the problem is shown next to the field.
      setValue: (group: string, value: number | string) => {
        setSelection((s) => ({ ...s, [group]: value }));
        setRestored(false);
      },
      apply: (next: Selection) => update(() => next),
      setQuantity: (value: number) => setQuantity(value),
      reset: () => {
        setSelection(defaults);
        setQuantity(1);
        setNotice(null);
        setRestored(false);
      },
      dismissNotice: () => setNotice(null),
    }),
    [update, defaults],
  );

  return { selection, quantity, result, code, notice, restored, actions };
}

export type ConfigurationActions = ReturnType<typeof useConfiguration>["actions"];
