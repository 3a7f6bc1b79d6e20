import { getCompiled } from "./compile";
import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { readSelection, resolveVisibility } from "./state";

// The product preview for a selection: the definition's SVG layers, with each chosen option showing
// its layer and colouring it (options later in the definition win when two colour the same layer).

export type PreviewLayer = { id: string; d: string; fill: string };

/** The visible, coloured preview layers for a selection, or null when the definition has no preview. */
export function previewLayers(definition: Definition, selection: Selection): { viewBox: string; layers: PreviewLayer[] } | null {
  const preview = definition.preview;
  if (!preview) return null;
  const compiled = getCompiled(definition);
  const { eff } = resolveVisibility(compiled, readSelection(compiled, selection).raw, false);
  const state = new Map(preview.layers.map((l) => [l.id, { visible: l.visible, fill: l.fill }]));
  for (const { gi, group } of compiled.groups) {
    if (group.type !== "single" && group.type !== "multi") continue;
    const value = eff[gi];
    for (const option of group.options) {
      const chosen = group.type === "single" ? value === option.id : value instanceof Set && value.has(option.id);
      const layer = option.preview?.layer !== undefined ? state.get(option.preview.layer) : undefined;
      if (!chosen || !layer) continue;
      layer.visible = true;
      if (option.preview?.color) layer.fill = option.preview.color;
    }
  }
  return {
    viewBox: preview.viewBox,
    layers: preview.layers.filter((l) => state.get(l.id)!.visible).map((l) => ({ id: l.id, d: l.d, fill: state.get(l.id)!.fill })),
  };
}
