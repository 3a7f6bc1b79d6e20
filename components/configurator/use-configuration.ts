"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Definition, Fix, Selection } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import type { Inferred, QueuedChange as Change } from "./queued-changes";
import { useLazy } from "@/components/ui/use-lazy";

export type ConfiguratorEngine = typeof import("./configurator-engine");

type State = {
  selection: Selection;
  quantity: number;
  /** Changes made before the engine arrived, replayed from `from` when it does (see ./queued-changes). */
  queued: { from: Selection; changes: Change[] } | null;
  /** What the engine added to the last choice (shown with an Undo), or null. */
  inferred: Inferred | null;
};

const loadEngine = () => import("./configurator-engine");

const replay = (engine: ConfiguratorEngine, definition: Definition, state: State): State => {
  if (!state.queued) return state;
  const { selection, inferred } = engine.replayWithInference(definition, state.queued.from, state.queued.changes);
  return { ...state, selection, queued: null, inferred };
};

/** The one-step fixes of an option of the view on screen (empty when it has none), most likely first. */
export type FixOf = (groupId: string, optionId: string) => Fix[];
const NO_FIXES: Fix[] = [];

/** A share link the server has read: the page's first view is the link's (see app/(shop)/share/[slug]). */
export type SharedLink = {
  /** The definition's defaults, for Reset. */
  defaults: Selection;
  /** Why the link could not be used (the defaults are shown), or null. */
  notice: string | null;
  restored: boolean;
  /** Today's delivery context with the estimate for the first view, as /api/delivery-context sends it; null when it could not be read. */
  delivery: unknown;
};

type Options = { definition: Definition; currency: string; initial: ConfiguratorView; link?: SharedLink; syncUrl: boolean };

/**
 * The configurator's state: the selection, the quantity, their view (evaluation, preview, share code) and
 * the share link in the URL. The first view is the server's; later ones are computed by the engine, which
 * loads on the first interaction. While it loads, the last view stays on screen and `updating` is true.
 */
export function useConfiguration({ definition, currency, initial, link, syncUrl }: Options) {
  const [state, setState] = useState<State>({ selection: initial.selection, quantity: initial.quantity, queued: null, inferred: null });
  const [notice, setNotice] = useState<string | null>(link?.notice ?? null);
  const [restored, setRestored] = useState(link?.restored ?? false);
  const [linkRead, setLinkRead] = useState(!!link);
  const defaults = link?.defaults ?? initial.selection;
  const readOnServer = !!link;
  // The engine, loaded once on demand: `load` is called on the first pointer, focus or key event on the
  // configurator; a change made before it arrives is queued, shown at once on its control, and applied
  // when it arrives.
  const { value: engine, ref: engineRef, load } = useLazy(loadEngine, "configurator engine", (module) =>
    setState((current) => replay(module, definition, current)),
  );
  const warm = useCallback(() => void load().catch(() => undefined), [load]);

  // A share link is read on the server (the page's first view is the link's). Where a page did not (the
  // admin's preview), it is read here after hydration; only a link needs the engine at once.
  useEffect(() => {
    if (readOnServer) return;
    const search = window.location.search;
    const params = new URLSearchParams(search);
    if (!params.has("c") && !params.has("q")) {
      setLinkRead(true);
      return;
    }
    let current = true;
    load()
      .then((module) => {
        if (!current) return;
        const read = module.readShareLink(definition, search);
        if (read.selection || read.quantity) {
          setState((s) => ({ selection: read.selection ?? s.selection, quantity: read.quantity ?? s.quantity, queued: null, inferred: null }));
        }
        if (read.notice) setNotice(read.notice);
        if (read.selection && !read.notice) setRestored(true);
      })
      .catch(() => undefined)
      .finally(() => current && setLinkRead(true));
    return () => {
      current = false;
    };
  }, [definition, load, readOnServer]);

  const { selection, quantity } = state;
  const wanted = useMemo(
    () =>
      selection === initial.selection && quantity === initial.quantity ? initial : engine ? engine.configuratorView(definition, selection, quantity, currency) : null,
    [initial, engine, definition, selection, quantity, currency],
  );
  const last = useRef(initial);
  useEffect(() => {
    if (wanted) last.current = wanted;
  });
  const view = wanted ?? last.current;

  // The fix of a blocked option, asked for by the option that shows it: the server's first view has them
  // all (so its HTML does), later views ask the engine, once per option and view.
  const fixOf = useMemo((): FixOf => {
    if (view.fixes) {
      const { fixes } = view;
      return (groupId, optionId) => {
        const fix = fixes[groupId]?.[optionId];
        return fix ? [fix] : NO_FIXES;
      };
    }
    const found = new Map<string, Fix[]>();
    return (groupId, optionId) => {
      if (!engine) return NO_FIXES;
      const key = `${groupId}\u0000${optionId}`;
      if (!found.has(key)) found.set(key, engine.fixesFor(definition, view.selection, groupId, optionId));
      return found.get(key) ?? NO_FIXES;
    };
  }, [view, engine, definition]);

  useEffect(() => {
    if (!syncUrl || !linkRead) return;
    const timer = window.setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("c", view.code);
      if (view.quantity === 1) url.searchParams.delete("q");
      else url.searchParams.set("q", String(view.quantity));
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
    }, 100);
    return () => window.clearTimeout(timer);
  }, [view.code, view.quantity, syncUrl, linkRead]);

  const change = useCallback(
    (next: Change["next"], tidy: boolean, choice?: Change["choice"]) => {
      const ready = engineRef.current;
      const queuedChange: Change = choice ? { next, tidy, choice } : { next, tidy };
      setState((current) => {
        if (ready) return { ...current, ...ready.applyChange(definition, current.selection, queuedChange) };
        const queued = current.queued ?? { from: current.selection, changes: [] };
        return { ...current, selection: next(current.selection), queued: { from: queued.from, changes: [...queued.changes, queuedChange] }, inferred: null };
      });
      if (!ready) warm();
      setRestored(false);
    },
    [definition, engineRef, warm],
  );

  const actions = useMemo(
    () => ({
      // A choice also makes what its requires rules need where exactly one choice does (shown with an Undo).
      choose: (group: string, option: string) => change((s) => ({ ...s, [group]: option }), true, { group, option }),
      clear: (group: string) =>
        change((s) => {
          const { [group]: _removed, ...rest } = s;
          return rest;
        }, true),
      toggle: (group: string, option: string) =>
        change((s) => {
          const current = Array.isArray(s[group]) ? (s[group] as string[]) : [];
          return { ...s, [group]: current.includes(option) ? current.filter((id) => id !== option) : [...current, option] };
        }, true, { group, option }),
      // Numbers and texts are kept as typed, even out of range, so the problem is shown next to the field.
      setValue: (group: string, value: number | string) => change((s) => ({ ...s, [group]: value }), false),
      /** A one-click fix: applies it, then moves focus (./focus-after-fix, with the engine) where the customer continues. */
      fix: (next: Selection, optionInputId: string) => {
        change(() => next, true);
        void load().then((module) => module.focusAfterFix(optionInputId)).catch(() => undefined);
      },
      setQuantity: (value: number) => {
        setState((current) => ({ ...current, quantity: value }));
        warm();
      },
      /** Puts back the selection from before the last choice's additions. */
      undoInference: () => setState((current) => (current.inferred ? { ...current, selection: current.inferred.previous, queued: null, inferred: null } : current)),
      dismissInference: () => setState((current) => ({ ...current, inferred: null })),
      reset: () => {
        setState({ selection: defaults, quantity: 1, queued: null, inferred: null });
        if (defaults !== initial.selection || initial.quantity !== 1) warm();
        setNotice(null);
        setRestored(false);
      },
      dismissNotice: () => setNotice(null),
    }),
    [change, warm, load, initial, defaults],
  );

  return { selection, quantity, view, fixOf, updating: wanted === null, engine, load, warm, notice, restored, inferred: state.inferred, actions };
}

export type ConfigurationActions = ReturnType<typeof useConfiguration>["actions"];
