import { evaluate } from "./evaluate/evaluate";
import { normalize } from "./evaluate/normalize";
import { previewLayers, type PreviewLayer } from "./evaluate/preview";
import type { Definition } from "./definition/schema";
import type { Selection } from "./definition/selection-types";
import { encodeSelection } from "./share/share-codec";
import type { EvaluateResult, OptionState } from "./evaluate/types";

// What the configurator page shows for a selection and quantity: the evaluation (price, availability with
// reasons and fixes, problems, lead time), the preview layers and the share code. The server computes it
// for the first render, so the page's HTML is complete before any JavaScript; the browser computes it
// with the same functions once the engine has loaded (on the first interaction).

export type PreviewImage = { viewBox: string; layers: PreviewLayer[] };

export type ConfiguratorView = {
  selection: Selection;
  quantity: number;
  result: EvaluateResult;
  preview: PreviewImage | null;
  /** The selection as a share-link code ("v1.…"). */
  code: string;
};

/** Evaluates a selection for the configurator (fixes stay lazy: they are searched when read). */
export function configuratorView(definition: Definition, selection: Selection, quantity: number): ConfiguratorView {
  return {
    selection,
    quantity,
    result: evaluate(definition, selection, { quantity }),
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

/** Every option state as plain data: the fixes of unavailable options are searched now. */
function plainOptions(options: EvaluateResult["options"]): EvaluateResult["options"] {
  const out: EvaluateResult["options"] = {};
  for (const [group, states] of Object.entries(options)) {
    const plain: Record<string, OptionState> = {};
    for (const [option, state] of Object.entries(states)) {
      const { available, reason, ruleId } = state;
      const fix = available ? undefined : state.fix;
      plain[option] = {
        available,
        ...(reason !== undefined ? { reason } : {}),
        ...(ruleId !== undefined ? { ruleId } : {}),
        ...(fix ? { fix: { label: fix.label, selection: fix.selection } } : {}),
      };
    }
    out[group] = plain;
  }
  return out;
}

/**
 * The first view of a definition (its defaults, quantity 1) as plain data that can be sent to the browser:
 * the configurator page renders it on the server, before the engine loads.
 */
export function initialView(definition: Definition): ConfiguratorView {
  const view = configuratorView(definition, defaultSelection(definition), 1);
  return { ...view, result: { ...view.result, options: plainOptions(view.result.options) } };
}
