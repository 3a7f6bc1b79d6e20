// The large definition of the engine benchmark (40 option groups x 25 options, plus 3 number groups
// and a text group; 300 rules) and random selections for it, generated from a seeded PRNG so every
// run, and every script that imports this, sees the same definition and selections.
import { normalize, parseDefinition, type Condition, type Definition, type Group, type Rule, type Selection } from "../../lib/configurator";

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same definition. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20_260_101);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

export function buildDefinition(): Definition {
  const groups: Group[] = [];
  for (let g = 0; g < 44; g++) {
    const id = `g${g}`;
    if (g >= 40) {
      groups.push(
        g === 43
          ? { id, label: `Text ${g}`, type: "text", required: false, maxLength: 20, pattern: "[A-Z ]*", priceCents: 2_500 }
          : { id, label: `Number ${g}`, type: "number", required: true, unit: "cm", min: 50, max: 300, step: 5, default: 100, priceCentsPerUnit: 37.5, productionHoursPerUnit: 0.01, components: [{ sku: `RAIL-${g}`, quantity: 1 }] },
      );
      continue;
    }
    const options = Array.from({ length: 25 }, (_, o) => ({
      id: `o${o}`,
      label: `Option ${g}.${o}`,
      priceCents: int(0, 50) * 1_000,
      leadDays: int(0, 3) === 0 ? int(1, 30) : 0,
      productionHours: int(0, 8) / 4,
      components: [{ sku: `SKU-${g}-${o}`, quantity: int(1, 4) }],
    }));
    groups.push(
      g % 6 === 5
        ? { id, label: `Multi ${g}`, type: "multi", required: false, options, default: [], maxCount: 5 }
        : { id, label: `Single ${g}`, type: "single", required: true, options, default: "o0" },
    );
  }
  const optionGroups = groups.filter((g) => g.type === "single" || g.type === "multi");
  const atom = (exclude?: string): Condition => {
    let group = pick(optionGroups);
    while (group.id === exclude) group = pick(optionGroups);
    return { selected: { group: group.id, option: `o${int(1, 24)}` } };
  };
  const groupOf = (c: Condition) => ("selected" in c ? c.selected.group : "");
  const rules: Rule[] = [];
  const add = (rule: Omit<Rule, "id" | "message"> & Partial<Rule>) =>
    rules.push({ ...rule, id: `r${rules.length}`, message: `Rule ${rules.length} message` } as Rule);
  for (let i = 0; i < 110; i++) {
    const when = atom();
    add({ kind: "requires", when, then: rand() < 0.5 ? atom(groupOf(when)) : { any: [atom(groupOf(when)), atom(groupOf(when))] } });
  }
  for (let i = 0; i < 110; i++) {
    const when = atom();
    add({ kind: "excludes", when, then: atom(groupOf(when)) });
  }
  for (let i = 0; i < 20; i++) {
    const target = pick(optionGroups);
    add({ kind: "visibleWhen", target: { group: target.id, option: `o${int(1, 24)}` }, when: { not: atom(target.id) } });
  }
  for (let i = 0; i < 20; i++) add({ kind: "range", group: `g${int(40, 42)}`, when: atom(), min: 50 + int(0, 10) * 5, max: 200 + int(0, 20) * 5 });
  for (let i = 0; i < 25; i++) {
    const when: Condition = { all: [atom(), atom()] };
    add(rand() < 0.5 ? { kind: "price", when, amountCents: int(-50, 50) * 100 } : { kind: "price", when, percent: int(-10, 10) });
  }
  for (let i = 0; i < 15; i++) add({ kind: "leadTime", when: atom(), leadDays: int(1, 40), productionHours: int(0, 8) / 2 });
  const parsed = parseDefinition({ basePriceCents: 250_000, baseLeadDays: 10, routing: [{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 20 }], premiumPercent: 7.5, groups, rules });
  if (!parsed.ok) throw new Error(`Generated definition is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.definition;
}

/**
 * The same definition with pricing items of every kind (6 formula prices, two of them conditional and
 * reading options, a price table over two number groups, quantity tiers) and an hours formula on the
 * routing: the engine's budget holds with them. Adds no draws from the PRNG, so the selections stay the same.
 */
export function withPricing(definition: Definition): Definition {
  const parsed = parseDefinition({
    ...definition,
    routing: definition.routing.map((op) => ({ ...op, hoursFormula: "g40 * g41 / 10000 * 0.5 + if(chosen(\"g0\", \"o3\"), 1, 0)" })),
    pricing: {
      formulas: [
        { id: "fabric", label: "Fabric", quantity: "g40 * g41 / 10000", unit: "m²", decimals: 2, rateCents: 8_900, minQuantity: 0.5 },
        { id: "edge", label: "Edging", quantity: "2 * (g40 + g41) / 100", unit: "m", decimals: 1, rateCents: 450 },
        { id: "depth", label: "Depth surcharge", quantity: "max(0, g42 - 150) / 10", unit: "step", decimals: 0, rateCents: 1_250 },
        { id: "volume", label: "Volume", quantity: "round(g40 * g41 * g42 / 1000000, 3)", unit: "m³", decimals: 3, rateCents: 3_000, maxQuantity: 20 },
        { id: "lining", label: "Lining", quantity: "g40 * g41 / 10000 * 1.1", unit: "m²", decimals: 2, rateCents: 2_400, when: { selected: { group: "g1", option: "o2" } } },
        { id: "motor", label: "Motor cable", quantity: "if(chosen(\"g2\", \"o4\") or chosen(\"g3\", \"o5\"), ceil(g41 / 100) + 1, 0)", unit: "m", decimals: 0, rateCents: 500 },
      ],
      tables: [
        { id: "frame", label: "Frame", rows: { group: "g40", upTo: [100, 150, 200, 250, 300] }, columns: { group: "g41", upTo: [100, 200, 300] }, cents: [[4_000, 5_000, 6_000], [5_000, 6_000, 7_000], [6_000, 7_000, 8_000], [7_000, 8_000, 9_000], [8_000, 9_000, 10_000]] },
      ],
      tiers: [
        { minQuantity: 5, percent: 5 },
        { minQuantity: 10, percent: 10 },
      ],
    },
  });
  if (!parsed.ok) throw new Error(`The priced definition is invalid: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.definition;
}

export function randomSelection(definition: Definition): Selection {
  const selection: Selection = {};
  for (const group of definition.groups) {
    if (group.type === "single") selection[group.id] = pick(group.options).id;
    else if (group.type === "multi") selection[group.id] = [...new Set([pick(group.options).id, pick(group.options).id])];
    else if (group.type === "number") selection[group.id] = group.min + int(0, 40) * group.step;
    else selection[group.id] = rand() < 0.5 ? "A B" : "";
  }
  return selection;
}

/**
 * The benchmark's definition and its 64 normalized random selections (same PRNG sequence as always);
 * with `pricing`, the definition carries the pricing items of withPricing (the selections are the same).
 */
export function largeFixture(options: { pricing?: boolean } = {}): { definition: Definition; selections: Selection[] } {
  const plain = buildDefinition();
  const definition = options.pricing ? withPricing(plain) : plain;
  const selections = Array.from({ length: 64 }, () => {
    const result = normalize(definition, randomSelection(definition));
    if (!result.ok) throw new Error("normalize failed");
    return result.selection;
  });
  return { definition, selections };
}
