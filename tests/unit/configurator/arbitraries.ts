import fc from "fast-check";
import { parseDefinition, type Condition, type Definition, type Group, type Rule, type Selection } from "@/lib/configurator";

// fast-check generators: small random definitions (every group type and rule kind, conditions
// nested up to three levels) and selections for them, valid or not.

type Atom = { kind: "sel"; g: number; o: number } | { kind: "cmp"; g: number; op: "<" | "<=" | ">" | ">=" | "==" | "!="; value: number } | { kind: "filled"; g: number };
type Abstract = { atom: Atom } | { all: Abstract[] } | { any: Abstract[] } | { not: Abstract };

const atomArb: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("sel" as const), g: fc.nat(9), o: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cmp" as const), g: fc.nat(9), op: fc.constantFrom("<", "<=", ">", ">=", "==", "!=" as const), value: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("filled" as const), g: fc.nat(9) }) },
);

const abstractArb: fc.Arbitrary<Abstract> = fc.letrec<{ cond: Abstract }>((tie) => ({
  cond: fc.oneof(
    { maxDepth: 3, depthIdentifier: "cond" },
    { weight: 6, arbitrary: atomArb.map((atom) => ({ atom })) },
    { weight: 1, arbitrary: fc.array(tie("cond"), { maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(tie("cond"), { maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: tie("cond").map((not) => ({ not })) },
  ),
})).cond;

const groupSpecArb = fc.record({
  type: fc.constantFrom("single", "multi", "number", "text" as const),
  options: fc.array(fc.record({ price: fc.integer({ min: 0, max: 500_000 }), lead: fc.nat(30), hours: fc.nat(8) }), { minLength: 1, maxLength: 4 }),
  required: fc.boolean(),
  withDefault: fc.boolean(),
  maxCount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  step: fc.constantFrom(1, 2, 0.5),
  unitPrice: fc.constantFrom(0, 12.5, 99, 333.3),
});

const ruleSpecArb = fc.record({
  kind: fc.constantFrom("requires", "excludes", "visibleWhen", "range", "price", "leadTime" as const),
  when: abstractArb,
  then: abstractArb,
  target: fc.record({ g: fc.nat(9), o: fc.option(fc.nat(9), { nil: undefined }) }),
  range: fc.record({ g: fc.nat(9), min: fc.integer({ min: 0, max: 6 }), span: fc.integer({ min: 0, max: 6 }) }),
  amount: fc.integer({ min: -50_000, max: 50_000 }),
  percent: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
  days: fc.nat(40),
});

type GroupSpec = typeof groupSpecArb extends fc.Arbitrary<infer T> ? T : never;

function buildGroup(spec: GroupSpec, gi: number): Group {
  const id = `g${gi}`;
  const label = `Group ${gi}`;
  const options = spec.options.map((o, oi) => ({ id: `o${oi}`, label: `Option ${gi}.${oi}`, priceCents: o.price, leadDays: o.lead, productionHours: o.hours / 2, components: [{ sku: `S${gi}-${oi % 2}`, quantity: oi + 1 }] }));
  switch (spec.type) {
    case "single":
      return { id, label, type: "single", required: spec.required, options, ...(spec.withDefault ? { default: "o0" } : {}) };
    case "multi":
      return { id, label, type: "multi", required: spec.required, options, ...(spec.withDefault ? { default: ["o0"] } : {}), ...(spec.maxCount ? { maxCount: spec.maxCount } : {}) };
    case "number":
      return { id, label, type: "number", required: spec.required, unit: "cm", min: 0, max: 10, step: spec.step, priceCentsPerUnit: spec.unitPrice, productionHoursPerUnit: 0.1, leadDaysPerUnit: 0.5, ...(spec.withDefault ? { default: 4 } : {}) };
    case "text":
      return { id, label, type: "text", required: spec.required, maxLength: 5, pattern: "[a-z ]*", priceCents: spec.options[0]!.price, ...(spec.withDefault ? { default: "ab" } : {}) };
  }
}

function concrete(c: Abstract, groups: Group[]): Condition {
  if ("all" in c) return { all: c.all.map((x) => concrete(x, groups)) };
  if ("any" in c) return { any: c.any.map((x) => concrete(x, groups)) };
  if ("not" in c) return { not: concrete(c.not, groups) };
  const atom = c.atom;
  const withOptions = groups.filter((g) => g.type === "single" || g.type === "multi");
  const numbers = groups.filter((g) => g.type === "number");
  if (atom.kind === "sel" && withOptions.length > 0) {
    const group = withOptions[atom.g % withOptions.length]!;
    const options = "options" in group ? group.options : [];
    return { selected: { group: group.id, option: options[atom.o % options.length]!.id } };
  }
  if (atom.kind === "cmp" && numbers.length > 0) return { compare: { group: numbers[atom.g % numbers.length]!.id, op: atom.op, value: atom.value } };
  return { filled: { group: groups[atom.g % groups.length]!.id } };
}

/** Random valid definitions: 1-5 groups of any type, 0-8 rules of any kind. */
export const definitionArb: fc.Arbitrary<Definition> = fc
  .record({
    groups: fc.array(groupSpecArb, { minLength: 1, maxLength: 5 }),
    rules: fc.array(ruleSpecArb, { maxLength: 8 }),
    premium: fc.constantFrom(0, 5, 12.5),
  })
  .map(({ groups: specs, rules: ruleSpecs, premium }) => {
    const groups = specs.map(buildGroup);
    const numbers = groups.filter((g) => g.type === "number");
    const rules: Rule[] = [];
    ruleSpecs.forEach((r, i) => {
      const base = { id: `r${i}`, message: `Rule ${i} says no` };
      const when = concrete(r.when, groups);
      switch (r.kind) {
        case "requires":
        case "excludes":
          rules.push({ ...base, kind: r.kind, when, then: concrete(r.then, groups) });
          break;
        case "visibleWhen": {
          const group = groups[r.target.g % groups.length]!;
          const option = r.target.o !== undefined && "options" in group ? group.options[r.target.o % group.options.length]!.id : undefined;
          rules.push({ ...base, kind: "visibleWhen", target: option ? { group: group.id, option } : { group: group.id }, when });
          break;
        }
        case "range":
          if (numbers.length > 0) rules.push({ ...base, kind: "range", group: numbers[r.range.g % numbers.length]!.id, when, min: r.range.min, max: r.range.min + r.range.span });
          break;
        case "price":
          rules.push(r.percent !== undefined ? { ...base, kind: "price", when, percent: r.percent } : { ...base, kind: "price", when, amountCents: r.amount });
          break;
        case "leadTime":
          rules.push({ ...base, kind: "leadTime", when, leadDays: r.days, productionHours: r.days / 4 });
          break;
      }
    });
    const parsed = parseDefinition({ basePriceCents: 100_000, baseLeadDays: 3, routing: [{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 5 }], premiumPercent: premium, groups, rules });
    if (!parsed.ok) throw new Error(`generated an invalid definition: ${JSON.stringify(parsed.issues)}`);
    return parsed.definition;
  });

/** Random selections for a definition: groups left out, valid values, and values out of range or too long. */
export function selectionArb(definition: Definition): fc.Arbitrary<Selection> {
  const entries = definition.groups.map((group): fc.Arbitrary<[string, Selection[string]] | null> => {
    let value: fc.Arbitrary<Selection[string]>;
    if (group.type === "single") value = fc.constantFrom(...group.options.map((o) => o.id));
    else if (group.type === "multi") value = fc.subarray(group.options.map((o) => o.id));
    else if (group.type === "number") value = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(-1, 0.5, 11, 2.5));
    else value = fc.constantFrom("", "ab", "abcdefg", "AB", "  ");
    return fc.option(value.map((v) => [group.id, v] as [string, Selection[string]]), { nil: null, freq: 4 });
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p): p is [string, Selection[string]] => p !== null)));
}

/** A definition with a selection for it. */
export const definitionWithSelectionArb = definitionArb.chain((definition) => selectionArb(definition).map((selection) => ({ definition, selection })));
