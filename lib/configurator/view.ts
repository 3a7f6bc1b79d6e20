import { evaluate } from "./evaluate/evaluate";
import { normalize } from "./evaluate/normalize";
import { previewLayers, type PreviewLayer } from "./evaluate/preview";
import type { Definition } from "./definition/schema";
import type { Selection } from "./definition/selection-types";
import { encodeSelection } from "./share/share-codec";
import { allFixes, type OptionFixes } from "./evaluate/fix";
import type { EvaluateResult } from "./evaluate/types";
import { lineText } from "./evaluate/line-text";
import { formatCents } from "@/lib/money";

// What the configurator page shows for a selection and quantity: the evaluation (price, availability with
// reasons, problems, lead time), the breakdown's lines worded in the shop's currency, the preview layers and
// the share code. The server computes it
// for the first render, so the page's HTML is complete before any JavaScript; the browser computes it
// with the same functions once the engine has loaded (on the first interaction).

export type PreviewImage = { viewBox: string; layers: PreviewLayer[] };

export type ConfiguratorView = {
  selection: Selection;
  quantity: number;
  result: EvaluateResult;
  /** The text of each breakdown line, in the currency given ("Fabric: 2.40 m² × €89.00"): the page shows it as it is. */
  lines: string[];
  preview: PreviewImage | null;
  /** The selection as a share-link code ("v1.…"). */
  code: string;
  /** The server's first view only: the fix of every blocked option, so its HTML shows them before the engine loads. */
  fixes?: OptionFixes;
};

/** Evaluates a selection for the configurator, its amounts in `currency` (no fixes: they are asked for one by one, with fixFor). */
export function configuratorView(definition: Definition, selection: Selection, quantity: number, currency: string): ConfiguratorView {
  const result = evaluate(definition, selection, { quantity });
  return {
    selection,
    quantity,
    result,
    lines: result.breakdown.lines.map((line) => lineText(line, (cents) => formatCents(cents, currency))),
    preview: previewLayers(definition, selection),
    code: encodeSelection(selection),
  };
}

/** The definition's defaults (normalize fills every group's default). */
export function defaultSelection(definition: Definition): Selection {
  const result = normalize(definition, {});
  return result.ok ? result.selection : {};
}

/** Drops what a change hid (e.g. fabric colours once leather is chosen); keeps the raw value when it cannot be normalized. */
export function tidySelection(definition: Definition, selection: Selection): Selection {
  const result = normalize(definition, selection);
  return result.ok ? result.selection : selection;
}

/**
 * The first view of a definition as plain data that can be sent to the browser: its defaults and quantity 1,
 * or the selection and quantity of a share link (already normalized). The configurator page renders it on the
 * server, before the engine loads, with the fix of every blocked option (the browser asks for fixes one by
 * one, with fixFor, once the engine has loaded).
 */
export function initialView(definition: Definition, currency: string, selection: Selection = defaultSelection(definition), quantity = 1): ConfiguratorView {
  const view = configuratorView(definition, selection, quantity, currency);
  return { ...view, fixes: allFixes(definition, view.selection) };
}
