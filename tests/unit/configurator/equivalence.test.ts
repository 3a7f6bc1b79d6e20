import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/configurator";
import { familyDigests, type Digests, type Family } from "./equivalence-cases";

// evaluate gives exactly the results recorded from the engine before its internals were optimized
// (evaluate-digests.json): the large benchmark definition, random small definitions with every rule
// kind (visibility cycles included), the demo products, and mid-sized definitions dense in visibility
// rules with selections that ignore visibility; each with valid and invalid selections.

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, "evaluate-digests.json"), "utf8")) as Digests;

describe("evaluate results match the recorded ones", () => {
  it.each<Family>(["large", "small", "demo", "visibility"])("%s definitions", (family) => {
    const digests = familyDigests(family, evaluate);
    expect(digests.length).toBe(recorded[family].length);
    const differing = digests.flatMap((digest, i) => (digest === recorded[family][i] ? [] : [i]));
    expect(differing).toEqual([]);
  });
});
