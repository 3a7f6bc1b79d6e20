"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Definition, Fix, Selection } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import type { QueuedChange as Change } from "./queued-changes";
import { useLazy } from "@/components/ui/use-lazy";

export type ConfiguratorEngine = typeof import("./configurator-engine");

type State = {
  selection: Selection;
  quantity: number;
  /** Changes made before the engine arrived, replayed from `from` when it does (see ./queued-changes). */
  queued: { from: Selection; changes: Change[] } | null;
};

const loadEngine = () => import("./configurator-engine");

const replay = (engine: ConfiguratorEngine, definition: Definition, state: State): State =>
  state.queued ? { ...state, selection: engine.replayChanges(definition, state.queued.from, state.queued.changes), queued: null } : state;

/** The one-step fix of an option of the view on screen (undefined when it has none). */
export type FixOf = (groupId: string, optionId: string) => Fix | undefined;

type Options = { definition: Definition; initial: ConfiguratorView; syncUrl: boolean };

/**
 * The configurator's state: the selection, the quantity, their view (evaluation, preview, share code) and
 * the share link in the URL. The first view is the server's; later ones are computed by the engine, which
 * loads on the first interaction. While it loads, the last view stays on screen and `updating` is true.
 */
export function useConfiguration({ definition, initial, syncUrl }: Options) {
  const [state, setState] = useState<State>({ selection: initial.selection, quantity: initial.quantity, queued: null });
  const [notice, setNotice] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [linkRead, setLinkRead] = useState(false);
  // The engine, loaded once on demand: `load` is called on the first pointer, focus or key event on the
  // configurator; a change made before it arrives is queued, shown at once on its control, and applied
  // when it arrives.
  const { value: engine, ref: engineRef, load } = useLazy(loadEngine, "configurator engine", (module) =>
    setState((current) => replay(module, definition, current)),
  );
  const warm = useCallback(() => void load().catch(() => undefined), [load]);

  // The page is cached and the same for everyone, so the share link is read in the browser after hydration;
  // only a link needs the engine at once.
  useEffect(() => {
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
        const link = module.readShareLink(definition, search);
        if (link.selection || link.quantity) {
          setState((s) => ({ selection: link.selection ?? s.selection, quantity: link.quantity ?? s.quantity, queued: null }));
        }
        if (link.notice) setNotice(link.notice);
        if (link.selection && !link.notice) setRestored(true);
      })
      .catch(() => undefined)
      .finally(() => current && setLinkRead(true));
    return () => {
      current = false;
    };
  }, [definition, load]);

  const { selection, quantity } = state;
  const wanted = useMemo(
    () =>
      selection === initial.selection && quantity === initial.quantity ? initial : engine ? engine.configuratorView(definition, selection, quantity) : null,
    [initial, engine, definition, selection, quantity],
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
      return (groupId, optionId) => fixes[groupId]?.[optionId];
    }
    const found = new Map<string, Fix | undefined>();
    return (groupId, optionId) => {
      if (!engine) return undefined;
      const key = `${groupId}\u0000${optionId}`;
      if (!found.has(key)) found.set(key, engine.fixFor(definition, view.selection, groupId, optionId));
      return found.get(key);
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
    (next: Change["next"], tidy: boolean) => {
      const ready = engineRef.current;
      setState((current) => {
        if (ready) return { ...current, selection: tidy ? ready.tidySelection(definition, next(current.selection)) : next(current.selection) };
        const queued = current.queued ?? { from: current.selection, changes: [] };
        return { ...current, selection: next(current.selection), queued: { from: queued.from, changes: [...queued.changes, { next, tidy }] } };
      });
      if (!ready) warm();
      setRestored(false);
    },
    [definition, engineRef, warm],
  );

  const actions = useMemo(
    () => ({
      choose: (group: string, option: string) => change((s) => ({ ...s, [group]: option }), true),
      clear: (group: string) =>
        change((s) => {
          const { [group]: _removed, ...rest } = s;
          return rest;
        }, true),
      toggle: (group: string, option: string) =>
        change((s) => {
          const current = Array.isArray(s[group]) ? (s[group] as string[]) : [];
          return { ...s, [group]: current.includes(option) ? current.filter((id) => id !== option) : [...current, option] };
        }, true),
      // Numbers and texts are kept as typed, even out of range, so the problem is shown next to the field.
      setValue: (group: string, value: number | string) => change((s) => ({ ...s, [group]: value }), false),
      apply: (next: Selection) => change(() => next, true),
      setQuantity: (value: number) => {
        setState((current) => ({ ...current, quantity: value }));
        warm();
      },
      reset: () => {
        setState({ selection: initial.selection, quantity: initial.quantity, queued: null });
        setNotice(null);
        setRestored(false);
      },
      dismissNotice: () => setNotice(null),
    }),
    [change, warm, initial],
  );

  return { selection, quantity, view, fixOf, updating: wanted === null, engine, warm, notice, restored, actions };
}

export type ConfigurationActions = ReturnType<typeof useConfiguration>["actions"];
