import { describe, expect, it } from "vitest";
import { definitionSchema, parseDefinition, selectionSchema } from "@/lib/configurator";
import { demoProducts } from "@/prisma/demo-products";
import { carDefinition } from "./fixtures";

const raw = () => JSON.parse(JSON.stringify(carDefinition())) as Record<string, any>;
const issuesOf = (input: unknown) => {
  const result = parseDefinition(input);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.issues;
};

describe("parseDefinition", () => {
  it("accepts every demo product, as an object or as JSON text", () => {
    for (const product of demoProducts) {
      expect(parseDefinition(product.definition).ok).toBe(true);
      expect(parseDefinition(JSON.stringify(product.definition)).ok).toBe(true);
    }
  });

  it("points at an unknown option inside a rule condition", () => {
    const input = raw();
    input.rules[1].when = { selected: { group: "packages", option: "velvet" } };
    expect(issuesOf(input)).toContainEqual({ path: "rules.1.when.selected.option", message: "Unknown option 'velvet' in group 'packages'", code: "unknown-reference" });
  });

  it("rejects through the zod schema with the path as an array", () => {
    const input = raw();
    input.rules[1].when = { selected: { group: "packages", option: "velvet" } };
    const result = definitionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["rules", 1, "when", "selected", "option"]]);
  });

  it("points at unknown groups in nested conditions, range targets and visibility targets", () => {
    const input = raw();
    input.rules.push(
      { id: "r3", kind: "requires", message: "m", when: { all: [{ not: { compare: { group: "height", op: ">", value: 1 } } }] }, then: { filled: { group: "nope" } } },
      { id: "r4", kind: "range", message: "m", group: "trim", when: { all: [] }, max: 3 },
      { id: "r5", kind: "visibleWhen", message: "m", target: { group: "trim", option: "gold" }, when: { any: [] } },
    );
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["rules.2.when.all.0.not.compare.group", "rules.2.then.filled.group", "rules.3.group", "rules.4.target.option"]));
  });

  it("rejects duplicate ids, bad defaults, min > max and patterns that do not compile", () => {
    const input = raw();
    input.groups[1].options[1].id = "comfort";
    input.groups[0].default = "gold";
    input.groups[2].min = 300;
    input.groups[3].pattern = "[A-Z";
    input.rules[1].id = "seats-need-comfort";
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["groups.1.options.1.id", "groups.0.default", "groups.2.min", "groups.3.pattern", "rules.1.id"]));
  });

  it("rejects a number default outside the range or off the step", () => {
    const outside = raw();
    outside.groups[2].default = 250;
    expect(issuesOf(outside)[0]).toMatchObject({ path: "groups.2.default", message: "Default 250 is outside 100-240" });
    const offStep = raw();
    offStep.groups[2].default = 185;
    expect(issuesOf(offStep)[0]).toMatchObject({ path: "groups.2.default", message: "Default 185 is not on the step of 10" });
  });

  it("requires exactly one of amountCents/percent on price rules and one key per condition", () => {
    const input = raw();
    input.rules.push({ id: "p", kind: "price", message: "m", when: { all: [] }, amountCents: 100, percent: 5 });
    input.rules.push({ id: "c", kind: "requires", message: "m", when: { all: [], any: [] }, then: { all: [] } });
    const issues = issuesOf(input);
    expect(issues).toContainEqual(expect.objectContaining({ path: "rules.2.amountCents" }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "rules.3.when", message: expect.stringContaining("exactly one of") }));
  });

  it("reports shape errors with their path, and garbage without throwing", () => {
    const input = raw();
    input.groups[1].options[0].priceCents = -5;
    expect(issuesOf(input)[0]!.path).toBe("groups.1.options.0.priceCents");
    expect(issuesOf("{not json")[0]!.message).toBe("The definition is not valid JSON");
    expect(issuesOf(null).length).toBeGreaterThan(0);
    let deep: unknown = { all: [] };
    for (let i = 0; i < 5000; i++) deep = { not: deep };
    const nested = raw();
    nested.rules[0].when = deep;
    expect(issuesOf(nested)[0]!.message).toMatch(/nests deeper/);
  });

  it("rejects unsafe preview colours and path data", () => {
    const input = raw();
    input.preview = { viewBox: "0 0 10 10", layers: [{ id: "a", d: "M 0 0 L 1 1 Z\"/><script>", fill: "red", visible: true }, { id: "b", d: "M0 0", fill: "url(javascript:x)", visible: true }] };
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["preview.layers.0.d", "preview.layers.1.fill"]));
  });
});

describe("selectionSchema", () => {
  it("accepts option ids, lists, numbers and text", () => {
    expect(selectionSchema.safeParse({ trim: "base", packages: ["comfort"], width: 180, monogram: "AB" }).success).toBe(true);
  });

  it("rejects non-finite numbers, bad keys, oversized input and non-objects", () => {
    expect(selectionSchema.safeParse({ width: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(selectionSchema.safeParse({ width: Number.NaN }).success).toBe(false);
    expect(selectionSchema.safeParse({ "Bad Key": "x" }).success).toBe(false);
    expect(selectionSchema.safeParse(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`g${i}`, 1]))).success).toBe(false);
    expect(selectionSchema.safeParse({ packages: Array.from({ length: 201 }, (_, i) => `o${i}`) }).success).toBe(false);
    expect(selectionSchema.safeParse(["a"]).success).toBe(false);
    expect(selectionSchema.safeParse({ monogram: "x".repeat(1001) }).success).toBe(false);
  });
});
