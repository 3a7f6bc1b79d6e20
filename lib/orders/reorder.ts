import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";
import { describeChoices, type OrderSnapshot } from "./snapshot";

export type ReorderPlan = {
  selection: Selection;
  differences: string[];
  valid: boolean;
  problems: string[];
  oldTotalCents: number;
  newTotalCents: number;
};

/**
 * Carries a past order's configuration over to the current version of its product, and says in words
 * what differs: options that no longer exist, choices that changed, and the price.
 */
export function planReorder(snapshot: OrderSnapshot, definition: Definition): ReorderPlan {
  const differences: string[] = [];
  // Keep what the current version still knows; report the rest.
  const carried: Selection = {};
  for (const [groupId, value] of Object.entries(snapshot.selection)) {
    const group = definition.groups.find((g) => g.id === groupId);
    const oldLabel = snapshot.choices.find((c) => c.group === groupId)?.groupLabel ?? groupId;
    if (!group) {
      differences.push(`"${oldLabel}" is no longer offered.`);
      continue;
    }
    if (group.type === "single" && typeof value === "string" && !group.options.some((o) => o.id === value)) {
      const label = snapshot.choices.find((c) => c.group === groupId && c.option === value)?.label ?? value;
      differences.push(`${group.label}: "${label}" is no longer available; the standard choice is used.`);
      continue;
    }
    if (group.type === "multi" && Array.isArray(value)) {
      const known = value.filter((id) => group.options.some((o) => o.id === id));
      for (const id of value.filter((v) => !known.includes(v))) {
        const label = snapshot.choices.find((c) => c.group === groupId && c.option === id)?.label ?? id;
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
  const evaluation = evaluate(definition, selection, { quantity: snapshot.quantity });

  const before = new Map(snapshot.choices.map((c) => [`${c.group}:${c.option ?? ""}`, c]));
  const now = describeChoices(definition, selection, evaluation);
  for (const choice of now) {
    const old = before.get(`${choice.group}:${choice.option ?? ""}`);
    if (!old && !snapshot.choices.some((c) => c.group === choice.group)) differences.push(`New choice: ${choice.groupLabel}: ${choice.label}.`);
    else if (old && old.label !== choice.label) differences.push(`${choice.groupLabel}: ${old.label} is now called ${choice.label}.`);
  }
  return {
    selection,
    differences,
    valid: evaluation.valid,
    problems: evaluation.problems.map((p) => p.message),
    oldTotalCents: snapshot.totalCents,
    newTotalCents: evaluation.totalCents,
  };
}
