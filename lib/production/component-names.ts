import type { Definition } from "@/lib/configurator";

/** What the catalog calls a component: its name and unit, where a definition gives them. */
export type ComponentInfo = { name?: string; unit?: string };

/**
 * SKU -> name and unit, from every component of the given definitions (the first definition naming a SKU wins).
 * Orders placed before a component had a name keep a bare SKU in their snapshot; this names them.
 */
export function componentNames(definitions: unknown[]): Map<string, ComponentInfo> {
  const names = new Map<string, ComponentInfo>();
  const add = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const c of components as { sku?: unknown; name?: unknown; unit?: unknown }[]) {
      if (typeof c?.sku !== "string") continue;
      const known = names.get(c.sku) ?? {};
      if (known.name === undefined && typeof c.name === "string" && c.name.trim()) known.name = c.name;
      if (known.unit === undefined && typeof c.unit === "string" && c.unit.trim()) known.unit = c.unit;
      names.set(c.sku, known);
    }
  };
  for (const definition of definitions) {
    const groups = (definition as Partial<Definition> | null)?.groups;
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      add((group as { components?: unknown }).components);
      const options = (group as { options?: unknown }).options;
      if (Array.isArray(options)) for (const option of options) add((option as { components?: unknown }).components);
    }
  }
  return names;
}

/** The BOM lines with a missing name or unit filled from `names` (lines that have one keep theirs). */
export function nameComponents<T extends { sku: string; name?: string; unit?: string }>(lines: T[], names: Map<string, ComponentInfo>): T[] {
  return lines.map((line) => {
    const known = names.get(line.sku);
    if (!known || (line.name && line.unit)) return line;
    const named = { ...line };
    if (!named.name && known.name) named.name = known.name;
    if (!named.unit && known.unit) named.unit = known.unit;
    return named;
  });
}
