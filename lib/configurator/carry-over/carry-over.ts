import type { Definition } from "../definition/schema";
import type { Selection } from "../definition/selection-types";
import { evaluate } from "../evaluate/evaluate";
import { normalize } from "../evaluate/normalize";
import type { EvaluateResult } from "../evaluate/types";
import { describeChoices, type ChoiceLine } from "./describe";

/** What was kept of an earlier configuration (an order, a saved design): its selection and its labels then. */
export type KeptConfiguration = {
  selection: Selection;
  choices: Pick<ChoiceLine, "group" | "groupLabel" | "option" | "label">[];
  quantity: number;
};

export type CarriedOver = {
  selection: Selection;
  /** In words: options no longer offered, renamed choices, new choices. */
  differences: string[];
  evaluation: EvaluateResult;
  /** Every choice as the current version names and prices it. */
  choices: ChoiceLine[];
};

/**
 * Carries an earlier configuration over to the current version of its product, and says in words what
 * differs: options that no longer exist, choices that changed name, new choices. Shared by re-order and
 * saved designs; the price is re-computed by the engine (never taken from what was kept).
 */
export function carryOver(kept: KeptConfiguration, definition: Definition): CarriedOver {
  const differences: string[] = [];
  const carried: Selection = {};
  for (const [groupId, value] of Object.entries(kept.selection)) {
    const group = definition.groups.find((g) => g.id === groupId);
    const oldLabel = kept.choices.find((c) => c.group === groupId)?.groupLabel ?? groupId;
    if (!group) {
      differences.push(`"${oldLabel}" is no longer offered.`);
      continue;
    }
    if (group.type === "single" && typeof value === "string" && !group.options.some((o) => o.id === value)) {
      const label = kept.choices.find((c) => c.group === groupId && c.option === value)?.label ?? value;
      differences.push(`${group.label}: "${label}" is no longer available; the standard choice is used.`);
      continue;
    }
    if (group.type === "multi" && Array.isArray(value)) {
      const known = value.filter((id) => group.options.some((o) => o.id === id));
      for (const id of value.filter((v) => !known.includes(v))) {
        const label = kept.choices.find((c) => c.group === groupId && c.option === id)?.label ?? id;
        differences.push(`${group.label}: "${label}" is no longer available.`);
      }
      carried[groupId] = known;
      continue;
    }
    carried[groupId] = value;
  }
  const normalized = normalize(definition, carried);
  const selection = normalized.ok ? normalized.selection : (normalize(definition, {}) as { ok: true; selection: Selection }).selection;
  if (!normalized.ok) differences.push("Your earlier configuration could not be carried over; the standard configuration is shown.");
  const evaluation = evaluate(definition, selection, { quantity: kept.quantity });

  const before = new Map(kept.choices.map((c) => [`${c.group}:${c.option ?? ""}`, c]));
  const choices = describeChoices(definition, selection, evaluation);
  for (const choice of choices) {
    const old = before.get(`${choice.group}:${choice.option ?? ""}`);
    if (!old && !kept.choices.some((c) => c.group === choice.group)) differences.push(`New choice: ${choice.groupLabel}: ${choice.label}.`);
    else if (old && old.label !== choice.label) differences.push(`${choice.groupLabel}: ${old.label} is now called ${choice.label}.`);
  }
  return { selection, differences, evaluation, choices };
}
