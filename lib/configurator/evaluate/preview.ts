import { getCompiled } from "./compile";
import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { readSelection, resolveVisibility } from "./state";
import { bandMap, stretchPath } from "./stretch-path";

// The product preview for a selection: the definition's SVG layers, with each chosen option showing
// its layer, colouring it and redrawing the layers it reshapes (options later in the definition win when
// two touch the same layer), then number groups stretching the drawing (a wider sofa is drawn wider).

export type PreviewLayer = { id: string; d: string; fill: string };

/** The visible, coloured preview layers for a selection, or null when the definition has no preview. */
export function previewLayers(definition: Definition, selection: Selection): { viewBox: string; layers: PreviewLayer[] } | null {
  const preview = definition.preview;
  if (!preview) return null;
  const compiled = getCompiled(definition);
  const { eff } = resolveVisibility(compiled, readSelection(compiled, selection).raw, false);
  const state = new Map(preview.layers.map((l) => [l.id, { visible: l.visible, fill: l.fill, d: l.d }]));
  for (const { gi, group } of compiled.groups) {
    if (group.type !== "single" && group.type !== "multi") continue;
    const value = eff[gi];
    for (const option of group.options) {
      const chosen = group.type === "single" ? value === option.id : value instanceof Set && value.has(option.id);
      if (!chosen || !option.preview) continue;
      const layer = option.preview.layer !== undefined ? state.get(option.preview.layer) : undefined;
      if (layer) {
        layer.visible = true;
        if (option.preview.color) layer.fill = option.preview.color;
      }
      for (const shape of option.preview.shapes ?? []) {
        const target = state.get(shape.layer);
        if (target) target.d = shape.d;
      }
    }
  }
  for (const stretch of preview.stretch ?? []) {
    const entry = compiled.byId.get(stretch.group);
    const group = entry?.group;
    const raw = entry ? eff[entry.gi] : undefined;
    if (!group || group.type !== "number" || typeof raw !== "number" || !Number.isFinite(raw)) continue;
    // Drawn within the group's own range, and never shrunk to nothing, whatever was typed.
    const value = Math.min(group.max, Math.max(group.min, raw));
    const span = stretch.to - stretch.from;
    const delta = Math.max((value - stretch.reference) * stretch.perUnit, -0.9 * span);
    if (delta === 0) continue;
    const map = bandMap(stretch.from, stretch.to, delta, stretch.anchor);
    for (const [id, layer] of state) {
      if (layer.visible && (!stretch.layers || stretch.layers.includes(id))) layer.d = stretchPath(layer.d, stretch.axis, map);
    }
  }
  return {
    viewBox: preview.viewBox,
    layers: preview.layers.filter((l) => state.get(l.id)!.visible).map((l) => {
      const layer = state.get(l.id)!;
      return { id: l.id, d: layer.d, fill: layer.fill };
    }),
  };
}
