import { getCompiled } from "./compile";
import type { Definition } from "../definition/schema";
import { MAX_SELECTION_GROUPS, type Selection } from "../definition/selection-types";
import { readSelection, resolveVisibility } from "./state";

export type NormalizeError = { group?: string; option?: string; message: string };
export type NormalizeResult = { ok: true; selection: Selection } | { ok: false; errors: NormalizeError[] };

/**
 * Turns an untrusted selection into the canonical one the server stores: unknown groups/options and
 * wrong types are rejected; missing groups get their defaults; hidden groups and options are dropped
 * (a hidden single choice falls back to the default); keys and multi options follow definition order.
 * Idempotent: normalize(normalize(s)) gives the same selection.
 */
export function normalize(definition: Definition, selection: unknown): NormalizeResult {
  if (typeof selection === "object" && selection !== null && Object.keys(selection).length > MAX_SELECTION_GROUPS) {
    return { ok: false, errors: [{ message: `A selection has at most ${MAX_SELECTION_GROUPS} groups` }] };
  }
  const compiled = getCompiled(definition);
  const { raw, problems } = readSelection(compiled, selection);
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems.map((p) => ({
        ...(p.group !== undefined ? { group: p.group } : {}),
        ...(p.option !== undefined ? { option: p.option } : {}),
        message: p.message,
      })),
    };
  }
  const { eff, hiddenGroup } = resolveVisibility(compiled, raw, true);
  const result: Selection = {};
  for (const { gi, group } of compiled.groups) {
    if (hiddenGroup[gi]) continue;
    const value = eff[gi];
    if (group.type === "multi") {
      if (raw[gi] === undefined && group.default === undefined) continue;
      const set = value as Set<string>;
      result[group.id] = group.options.filter((o) => set.has(o.id)).map((o) => o.id);
    } else if (value !== undefined) {
      result[group.id] = value as string | number;
    }
  }
  return { ok: true, selection: result };
}
