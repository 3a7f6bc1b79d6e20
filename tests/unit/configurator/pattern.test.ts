import { describe, expect, it } from "vitest";
import { evaluate, parseDefinition, type Definition } from "@/lib/configurator";
import { checkPattern, compilePattern, MAX_PATTERN_INPUT } from "@/lib/configurator/definition/pattern";
import { carDefinition } from "./fixtures";

// Admin-written text patterns run on a linear-time engine (RE2): the pattern that blocked the server for 12 s
// on JavaScript's backtracking RegExp answers here, with the same verdict in the browser and on the server.

const EXPONENTIAL = "([A-Za-z]+ ?)*";
const hostile = (n: number) => `${"a".repeat(n)}!`;

function withMonogram(pattern: string, maxLength = 1000): Definition {
  const definition = carDefinition();
  definition.groups = definition.groups.map((g) => (g.id === "monogram" && g.type === "text" ? { ...g, pattern, maxLength } : g));
  return definition;
}

describe("text patterns", () => {
  it("matches the exponential pattern against hostile input of 31 to 1000 characters (no backtracking blow-up)", () => {
    const pattern = compilePattern(EXPONENTIAL)!;
    expect(pattern.test(hostile(30))).toBe(false);
    expect(pattern.test(hostile(999))).toBe(false);
    expect(pattern.test("ab ".repeat(333))).toBe(true);
    expect(pattern.test("Hello world")).toBe(true);
  });

  it("reports the hostile text as a pattern problem through the engine, as the server does on an order", () => {
    const definition = withMonogram(EXPONENTIAL, 1000);
    expect(parseDefinition(definition).ok).toBe(true);
    const bad = evaluate(definition, { monogram: hostile(40) });
    expect(bad.problems.map((p) => p.code)).toContain("text-pattern");
    const fine = evaluate(definition, { monogram: "Oak and Ash" });
    expect(fine.problems.map((p) => p.code)).not.toContain("text-pattern");
  });

  it("matches the whole text, alternation included", () => {
    const pattern = compilePattern("a|bc")!;
    expect(pattern.test("a")).toBe(true);
    expect(pattern.test("bc")).toBe(true);
    expect(pattern.test("abc")).toBe(false);
  });

  it("never matches text longer than the limit, counted in characters (code points)", () => {
    const pattern = compilePattern(".*")!;
    expect(pattern.test("x".repeat(MAX_PATTERN_INPUT))).toBe(true);
    expect(pattern.test("x".repeat(MAX_PATTERN_INPUT + 1))).toBe(false);
    expect(pattern.test("😀".repeat(MAX_PATTERN_INPUT))).toBe(true);
    expect(pattern.test("😀".repeat(MAX_PATTERN_INPUT + 1))).toBe(false);
  });

  it("refuses look-arounds and back-references on save with a message the admin understands", () => {
    expect(checkPattern("(?=a)a")).toEqual({ ok: false, message: expect.stringMatching(/Look-ahead and look-behind/) });
    expect(checkPattern("(?<!a)b")).toEqual({ ok: false, message: expect.stringMatching(/not supported|not a valid/) });
    expect(checkPattern("(a)\\1")).toEqual({ ok: false, message: expect.stringMatching(/Back-references/) });
    expect(checkPattern("[a-")).toEqual({ ok: false, message: expect.stringMatching(/^Pattern is not a valid regular expression \(/) });
    const result = parseDefinition(withMonogram("(?=A)[A-Z]*"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ path: "groups.3.pattern", message: expect.stringMatching(/Look-ahead/) }));
  });
});
