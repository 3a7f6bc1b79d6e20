import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectionSchema } from "@/lib/configurator/definition/selection";
import { MAX_SELECTION_GROUPS } from "@/lib/configurator/definition/selection-types";
import { isSelectionShape } from "@/lib/configurator/share/share-codec";

// A decoded share link is checked with isSelectionShape (in the browser and on the server), which is
// selectionSchema (zod/mini): both must accept exactly the same JSON and give the same selection back.

const validId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const key = fc.oneof(
  { weight: 6, arbitrary: validId },
  { weight: 1, arbitrary: fc.constantFrom("", "Bad Key", "-leading", "a".repeat(64), "a".repeat(65), "__proto__", "constructor", "toString", "é") },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const boundaryString = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: 995, max: 1005 }).map((n) => "x".repeat(n)));
const idList = (min: number, max: number) => fc.array(validId, { minLength: min, maxLength: max });
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: boundaryString },
  { weight: 3, arbitrary: fc.oneof(idList(0, 4), idList(198, 202), fc.array(fc.oneof(validId, fc.string(), fc.integer()), { maxLength: 4 })) },
  { weight: 3, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, {}, { a: 1 }, [[]]) },
);
const entries = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: MAX_SELECTION_GROUPS - 3, max: MAX_SELECTION_GROUPS + 3 }).map((n) => Array.from({ length: n }, (_, i) => [`g${i}`, "x"] as [string, unknown])) },
);
/** What a share link's JSON.parse gives: built from JSON text, so an own "__proto__" key is possible. */
const decodedJson = fc.oneof(
  { weight: 10, arbitrary: entries.map((list) => JSON.parse(JSON.stringify(Object.fromEntries(list))) as unknown) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 1, "text", [], [["a", "b"]], true) },
);

function zodResult(json: unknown) {
  const parsed = selectionSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

describe("the share-link check (isSelectionShape) agrees with the selection schema", () => {
  it("accepts and rejects the same decoded JSON, and gives the same selection", () => {
    fc.assert(
      fc.property(decodedJson, (json) => {
        expect(isSelectionShape(json)).toEqual(zodResult(json));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on the edges: size limits, __proto__, and numbers JSON cannot carry", () => {
    const cases: unknown[] = [
      JSON.parse('{"__proto__": "x", "trim": "base"}'),
      { width: Number.NaN },
      { width: Number.POSITIVE_INFINITY },
      { text: "x".repeat(1000) },
      { text: "x".repeat(1001) },
      { extras: Array.from({ length: 200 }, (_, i) => `o${i}`) },
      { extras: Array.from({ length: 201 }, (_, i) => `o${i}`) },
      Object.fromEntries(Array.from({ length: MAX_SELECTION_GROUPS }, (_, i) => [`g${i}`, 1])),
      Object.fromEntries(Array.from({ length: MAX_SELECTION_GROUPS + 1 }, (_, i) => [`g${i}`, 1])),
      Object.create(null),
      new Date(0),
    ];
    const verdicts = cases.map((json) => [isSelectionShape(json) !== null, zodResult(json) !== null]);
    for (const [i, json] of cases.entries()) expect(isSelectionShape(json), `case ${i}`).toEqual(zodResult(json));
    // The cases cover both verdicts, so agreement is not agreement on "always" or "never".
    expect(verdicts.some(([hand]) => hand)).toBe(true);
    expect(verdicts.some(([hand]) => !hand)).toBe(true);
  });
});
