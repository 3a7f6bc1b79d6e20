import { createHash } from "node:crypto";
import fc from "fast-check";
import { largeFixture, random } from "@/bench/lib/engine-fixture";
import { fixFor, normalize, parseDefinition, type Condition, type Definition, type EvaluateOptions, type EvaluateResult, type Group, type Rule, type Selection } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { definitionWithSelectionArb, selectionArb } from "./arbitraries";

// Fixed inputs for evaluate, and a digest of each result, so a change to the engine's internals can
// be checked against digests recorded from the engine before the change (evaluate-digests.json).
// A digest covers the whole result as JSON: every option state, and every blocked option's fix and its
// selection (asked for with fixFor, and put where the digests were recorded: last in the option's state).

type Evaluate = (definition: Definition, selection: Selection, options?: EvaluateOptions) => EvaluateResult;
type Case = { definition: Definition; selection: Selection; quantity: number };
export type Family = "large" | "small" | "demo" | "visibility";
export type Digests = Record<Family, string[]>;

const SEED = 20_260_101;

/**
 * A short, stable fingerprint of an evaluate result. The per-operation hours (added with routings) are
 * left out, so the digests recorded before them still hold; their sum, productionHours, is covered.
 */
export function resultDigest(result: EvaluateResult): string {
  const { operations: _operations, ...rest } = result;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

/** The result with each blocked option's fix in its state, as `fix` (left out when it has none). */
function withFixes(definition: Definition, selection: Selection, result: EvaluateResult): EvaluateResult {
  const options = Object.fromEntries(
    Object.entries(result.options).map(([group, states]) => [
      group,
      Object.fromEntries(
        Object.entries(states).map(([option, state]) => {
          const fix = state.available ? undefined : fixFor(definition, selection, group, option);
          return [option, fix ? { ...state, fix } : state];
        }),
      ),
    ]),
  );
  return { ...result, options };
}

/** The normalized form of a selection, or the selection itself when it does not normalize. */
function normalized(definition: Definition, selection: Selection): Selection {
  const result = normalize(definition, selection);
  return result.ok ? result.selection : selection;
}

/** Every multi group of the large definition gets three more options (over maxCount for some). */
function crowded(definition: Definition, selection: Selection, i: number): Selection {
  const next: Selection = { ...selection };
  definition.groups.forEach((group, gi) => {
    if (group.type !== "multi") return;
    const current = Array.isArray(next[group.id]) ? (next[group.id] as string[]) : [];
    const extra = [i, i * 7 + gi, i * 13 + 2 * gi].map((k) => group.options[k % group.options.length]!.id);
    next[group.id] = [...new Set([...current, ...extra])];
  });
  return next;
}

/** A selection with a missing group, a number out of range or off its step, and text off its pattern. */
function broken(definition: Definition, selection: Selection, i: number): Selection {
  const next: Selection = { ...selection };
  delete next[definition.groups[i % 40]!.id];
  next.g40 = i % 2 === 0 ? 305 : 52;
  next.g43 = i % 3 === 0 ? "a b!" : "AB";
  return next;
}

function largeCases(): Case[] {
  const { definition, selections } = largeFixture();
  return selections.flatMap((selection, i) => [
    { definition, selection, quantity: 1 },
    { definition, selection, quantity: 3 },
    { definition, selection: crowded(definition, selection, i), quantity: 1 },
    { definition, selection: broken(definition, selection, i), quantity: 1 },
  ]);
}

function smallCases(): Case[] {
  const samples = fc.sample(definitionWithSelectionArb, { seed: SEED, numRuns: 400 });
  return samples.flatMap(({ definition, selection }, i) => [
    { definition, selection, quantity: i % 5 === 0 ? 2 : 1 },
    { definition, selection: normalized(definition, selection), quantity: 1 },
  ]);
}

function demoCases(): Case[] {
  return demoProducts.flatMap(({ definition }, p) =>
    fc.sample(selectionArb(definition), { seed: SEED + p, numRuns: 60 }).flatMap((selection) => [
      { definition, selection, quantity: 1 },
      { definition, selection: normalized(definition, selection), quantity: 4 },
    ]),
  );
}

const VIS_TYPES = ["single", "single", "multi", "single", "number", "single", "multi", "text", "single"] as const;

/**
 * A mid-sized definition dense in visibility rules (on options and whole groups, reading options,
 * filled groups and numbers, some of them cyclic), with requires/excludes/range rules on top.
 */
function visibilityDefinition(rand: () => number): Definition {
  const int = (n: number) => Math.floor(rand() * n);
  const groups: Group[] = VIS_TYPES.map((type, gi): Group => {
    const id = `g${gi}`;
    const options = Array.from({ length: 5 }, (_, oi) => ({ id: `o${oi}`, label: `Option ${gi}.${oi}`, priceCents: 100 * oi, leadDays: oi, productionHours: oi / 2 }));
    if (type === "number") return { id, label: `Number ${gi}`, type, required: false, unit: "cm", min: 0, max: 10, step: 1, priceCentsPerUnit: 10, productionHoursPerUnit: 0.1 };
    if (type === "text") return { id, label: `Text ${gi}`, type, required: false, maxLength: 5, priceCents: 300 };
    return type === "multi" ? { id, label: `Multi ${gi}`, type, required: false, options, maxCount: 3 } : { id, label: `Single ${gi}`, type, required: gi % 2 === 1, options };
  });
  // Most definitions read only earlier groups in visibility conditions (acyclic); the rest read any.
  const acyclic = rand() < 0.8;
  const OPTION_GROUPS = [0, 1, 2, 3, 5, 6, 8];
  /** An atom on a group before `before` (any group when `before` is the group count). */
  const atom = (before: number = VIS_TYPES.length): Condition => {
    const r = rand();
    const optionGroups = OPTION_GROUPS.filter((gi) => gi < before);
    if (r < 0.75 && optionGroups.length > 0) return { selected: { group: `g${optionGroups[int(optionGroups.length)]!}`, option: `o${int(5)}` } };
    if (r < 0.88 || before <= 4) return { filled: { group: `g${int(before)}` } };
    return { compare: { group: "g4", op: rand() < 0.5 ? ">" : "<=", value: int(10) } };
  };
  const condition = (before: number = VIS_TYPES.length): Condition => {
    const r = rand();
    if (r < 0.5) return atom(before);
    if (r < 0.7) return { not: atom(before) };
    return rand() < 0.5 ? { any: [atom(before), atom(before)] } : { all: [atom(before), { not: atom(before) }] };
  };
  const rules: Rule[] = [];
  const count = 12 + int(20);
  for (let i = 0; i < count; i++) {
    const base = { id: `r${i}`, message: `Rule ${i}` };
    const r = rand();
    if (r < 0.45) {
      const gi = 1 + int(VIS_TYPES.length - 1);
      const target = VIS_TYPES[gi] === "single" || VIS_TYPES[gi] === "multi" ? { group: `g${gi}`, option: `o${int(5)}` } : { group: `g${gi}` };
      rules.push({ ...base, kind: "visibleWhen", target: rand() < 0.2 ? { group: `g${gi}` } : target, when: condition(acyclic ? gi : VIS_TYPES.length) });
    } else if (r < 0.68) rules.push({ ...base, kind: "requires", when: atom(), then: condition() });
    else if (r < 0.9) rules.push({ ...base, kind: "excludes", when: atom(), then: condition() });
    else rules.push({ ...base, kind: "range", group: "g4", when: condition(), min: int(4), max: 4 + int(6) });
  }
  const parsed = parseDefinition({ basePriceCents: 10_000, baseLeadDays: 2, routing: [{ id: "workshop", label: "Workshop", workCentre: "workshop", hours: 1 }], premiumPercent: 0, groups, rules });
  if (!parsed.ok) throw new Error(`invalid visibility definition: ${JSON.stringify(parsed.issues.slice(0, 2))}`);
  return parsed.definition;
}

/** A selection that ignores visibility (so hidden values are chosen), for a visibilityDefinition. */
function visibilitySelection(rand: () => number): Selection {
  const selection: Selection = {};
  VIS_TYPES.forEach((type, gi) => {
    if (rand() < 0.15) return;
    const id = `g${gi}`;
    if (type === "single") selection[id] = `o${Math.floor(rand() * 5)}`;
    else if (type === "multi") selection[id] = [...new Set([0, 1, 2].filter(() => rand() < 0.4).map(() => `o${Math.floor(rand() * 5)}`))];
    else if (type === "number") selection[id] = Math.floor(rand() * 11);
    else selection[id] = rand() < 0.5 ? "ab" : "";
  });
  return selection;
}

function visibilityCases(): Case[] {
  const rand = random(SEED);
  return Array.from({ length: 150 }, () => visibilityDefinition(rand)).flatMap((definition) =>
    Array.from({ length: 6 }, (_, k) => {
      const selection = visibilitySelection(rand);
      return { definition, selection: k % 2 === 0 ? selection : normalized(definition, selection), quantity: 1 };
    }),
  );
}

/** The digest of every case of a family, in order. */
export function familyDigests(family: Family, evaluate: Evaluate): string[] {
  const cases = { large: largeCases, small: smallCases, demo: demoCases, visibility: visibilityCases }[family]();
  return cases.map(({ definition, selection, quantity }) => resultDigest(withFixes(definition, selection, evaluate(definition, selection, { quantity }))));
}
