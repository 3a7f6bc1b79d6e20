import { createHash } from "node:crypto";
import fc from "fast-check";
import { largeFixture } from "@/bench/lib/engine-fixture";
import { normalize, type Definition, type EvaluateOptions, type EvaluateResult, type Selection } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { definitionWithSelectionArb, selectionArb } from "./arbitraries";

// Fixed inputs for evaluate, and a digest of each result, so a change to the engine's internals can
// be checked against digests recorded from the engine before the change (evaluate-digests.json).
// A digest covers the whole result as JSON: every option state, and every fix and its selection
// (they are enumerable getters, so JSON.stringify searches and reads them all).

type Evaluate = (definition: Definition, selection: Selection, options?: EvaluateOptions) => EvaluateResult;
type Case = { definition: Definition; selection: Selection; quantity: number };
export type Family = "large" | "small" | "demo";
export type Digests = Record<Family, string[]>;

const SEED = 20_260_101;

/** A short, stable fingerprint of an evaluate result (reads every lazy fix). */
export function resultDigest(result: EvaluateResult): string {
  return createHash("sha256").update(JSON.stringify(result)).digest("hex").slice(0, 16);
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

/** The digest of every case of a family, in order. */
export function familyDigests(family: Family, evaluate: Evaluate): string[] {
  const cases = family === "large" ? largeCases() : family === "small" ? smallCases() : demoCases();
  return cases.map(({ definition, selection, quantity }) => resultDigest(evaluate(definition, selection, { quantity })));
}
