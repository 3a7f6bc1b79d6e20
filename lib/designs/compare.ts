import type { ChoiceLine } from "@/lib/configurator";
import type { DesignView } from "./queries";

export type CompareRow = { label: string; a: string; b: string; differs: boolean };

const valuesOf = (choices: ChoiceLine[]) => {
  const byGroup = new Map<string, { label: string; values: string[] }>();
  for (const c of choices) {
    const entry = byGroup.get(c.group) ?? { label: c.groupLabel, values: [] };
    entry.values.push(c.label);
    byGroup.set(c.group, entry);
  }
  return byGroup;
};

/**
 * The choices of two designs side by side, one row per option group (in the first design's order, then the
 * second's), each marked when the two differ. Two different products are compared by group label.
 */
export function compareChoices(a: DesignView, b: DesignView): CompareRow[] {
  const same = a.product.slug === b.product.slug;
  const key = (group: string, label: string) => (same ? group : label.toLowerCase());
  const left = new Map([...valuesOf(a.now?.choices ?? [])].map(([g, v]) => [key(g, v.label), v]));
  const right = new Map([...valuesOf(b.now?.choices ?? [])].map(([g, v]) => [key(g, v.label), v]));
  const keys = [...new Set([...left.keys(), ...right.keys()])];
  return keys.map((k) => {
    const l = left.get(k);
    const r = right.get(k);
    const av = l ? l.values.join(", ") : "—";
    const bv = r ? r.values.join(", ") : "—";
    return { label: (l ?? r)!.label, a: av, b: bv, differs: av !== bv };
  });
}
