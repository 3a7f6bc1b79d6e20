import type { Value } from "../evaluate/conditions";
import type { Compiled } from "../evaluate/compiled-types";
import type { Selection } from "../definition/selection-types";

// A configuration the reachability search found, as a selection and in words.

/** The witness as a selection (only the groups that have a value). */
export function witnessSelection(compiled: Compiled, state: Value[]): Selection {
  const selection: Selection = {};
  for (const { gi, group } of compiled.groups) {
    const value = state[gi];
    if (value === undefined) continue;
    if (value instanceof Set) {
      if (value.size > 0 && group.type === "multi") selection[group.id] = group.options.filter((o) => value.has(o.id)).map((o) => o.id);
    } else selection[group.id] = value;
  }
  return selection;
}

/** "Motor: Quiet, Power supply: 24 V, Width: 120 cm": the witness's chosen values, with the labels the admin gave them. */
export function witnessText(compiled: Compiled, state: Value[]): string {
  const parts: string[] = [];
  for (const { gi, group, options } of compiled.groups) {
    const value = state[gi];
    if (value === undefined) continue;
    if (value instanceof Set) {
      if (value.size > 0) parts.push(`${group.label}: ${[...value].map((id) => options.get(id)?.label ?? id).join(" + ")}`);
    } else if (typeof value === "number") parts.push(`${group.label}: ${value}${group.type === "number" ? ` ${group.unit}` : ""}`);
    else if (group.type === "text") parts.push(`${group.label}: "${value}"`);
    else parts.push(`${group.label}: ${options.get(value)?.label ?? value}`);
  }
  return parts.length > 0 ? parts.join(", ") : "nothing chosen";
}
