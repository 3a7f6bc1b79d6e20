import { evaluate, normalize, type Definition, type Selection } from "@/lib/configurator";

/** Candidate one-step changes of a selection: another option, one fewer or one more option, no text. */
function neighbours(definition: Definition, selection: Selection): Selection[] {
  const out: Selection[] = [];
  for (const group of definition.groups) {
    const current = selection[group.id];
    if (group.type === "single") {
      for (const o of group.options) if (o.id !== current) out.push({ ...selection, [group.id]: o.id });
      if (!group.required && current !== undefined) {
        const { [group.id]: _drop, ...rest } = selection;
        out.push(rest);
      }
    } else if (group.type === "multi") {
      const chosen = Array.isArray(current) ? current : [];
      for (const id of chosen) out.push({ ...selection, [group.id]: chosen.filter((c) => c !== id) });
      for (const o of group.options) if (!chosen.includes(o.id)) out.push({ ...selection, [group.id]: [...chosen, o.id] });
    } else if (group.type === "number") {
      out.push({ ...selection, [group.id]: group.min });
    } else if (group.type === "text" && current !== undefined && current !== "") {
      out.push({ ...selection, [group.id]: "" });
    }
  }
  return out;
}

/**
 * The lowest total of a valid configuration ("from" price in the catalog), found by descending from the
 * defaults through one-step changes until none is cheaper. Null when no valid configuration is found.
 */
export function cheapestConfiguration(definition: Definition, maxSteps = 200): { selection: Selection; totalCents: number } | null {
  const start = normalize(definition, {});
  if (!start.ok) return null;
  let best = start.selection;
  let bestEval = evaluate(definition, best);
  for (let step = 0; step < maxSteps; step++) {
    let improved = false;
    for (const candidate of neighbours(definition, best)) {
      const normalized = normalize(definition, candidate);
      if (!normalized.ok) continue;
      const result = evaluate(definition, normalized.selection);
      if (result.valid && (!bestEval.valid || result.totalCents < bestEval.totalCents)) {
        best = normalized.selection;
        bestEval = result;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return bestEval.valid ? { selection: best, totalCents: bestEval.totalCents } : null;
}
