import { describe, expect, it } from "vitest";
import { MAX_DEFINITION_BYTES, readPastedDefinition } from "@/lib/catalog/editor/limits";
import { countLimitProblem } from "@/lib/configurator/definition/limits";
import { parseDefinition } from "@/lib/configurator";

// Pasted JSON is checked against the schema's counts and the saved size before the editor renders it.

const option = (i: number) => ({ id: `o${i}`, label: `Option ${i}`, priceCents: 0, leadDays: 0, productionHours: 0 });
const group = (id: string, options: number) => ({ id, label: `Group ${id}`, type: "single", required: true, options: Array.from({ length: options }, (_, i) => option(i)) });
const definition = (groups: unknown[], rules: unknown[] = []) => ({ basePriceCents: 0, baseLeadDays: 1, routing: [{ id: "make", label: "Make", workCentre: "assembly", hours: 1 }], premiumPercent: 0, groups, rules });

describe("readPastedDefinition", () => {
  it("refuses 10,000 options in a group, naming the group and the limit", () => {
    const result = readPastedDefinition(JSON.stringify(definition([group("wood", 10_000)])));
    expect(result).toEqual({ ok: false, message: "Group 'Group wood' has 10000 options; at most 200 are allowed per group. Nothing was applied." });
  });

  it("refuses more than 200 groups and more than 2000 rules", () => {
    expect(readPastedDefinition(JSON.stringify(definition(Array.from({ length: 201 }, (_, i) => group(`g${i}`, 1)))))).toMatchObject({ ok: false, message: expect.stringContaining("201 option groups; at most 200") });
    const rules = Array.from({ length: 2001 }, (_, i) => ({ id: `r${i}`, kind: "price", when: { all: [] }, amountCents: 1, message: "m" }));
    expect(readPastedDefinition(JSON.stringify(definition([], rules)))).toMatchObject({ ok: false, message: expect.stringContaining("2001 rules; at most 2000") });
  });

  it("refuses JSON over the saved size, counted without indentation", () => {
    const padded = { ...definition([]), notes: "n".repeat(MAX_DEFINITION_BYTES) };
    expect(readPastedDefinition(JSON.stringify(padded))).toMatchObject({ ok: false, message: expect.stringMatching(/^This definition is 2\.0 MB of JSON; at most 2 MB/) });
    // Indented, the same allowed definition is larger as text but still accepted.
    const allowed = definition(Array.from({ length: 10 }, (_, i) => group(`g${i}`, 200)));
    const result = readPastedDefinition(JSON.stringify(allowed, null, 8));
    expect(result.ok).toBe(true);
    if (result.ok) expect(parseDefinition(result.value).ok).toBe(true);
  });

  it("says what is wrong with text that is not JSON", () => {
    expect(readPastedDefinition("{ nope")).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
  });
});

describe("countLimitProblem", () => {
  it("accepts the largest allowed sizes and anything that is not a definition", () => {
    expect(countLimitProblem(definition(Array.from({ length: 200 }, (_, i) => group(`g${i}`, 200))))).toBeNull();
    expect(countLimitProblem(null)).toBeNull();
    expect(countLimitProblem([1, 2, 3])).toBeNull();
    expect(countLimitProblem({ groups: "many" })).toBeNull();
  });
});
