import { describe, expect, it } from "vitest";
import { readOperations, resultOf, runTestCase } from "@/lib/catalog/versions/test-cases";
import type { Definition } from "@/lib/configurator";

const chair: Definition = {
  basePriceCents: 10_000,
  baseLeadDays: 3,
  routing: [{ id: "make", label: "Make", workCentre: "workshop", hours: 2 }],
  premiumPercent: 0,
  groups: [{ id: "seat", label: "Seat", type: "single", required: true, options: [
    { id: "wood", label: "Wood", priceCents: 0, leadDays: 0, productionHours: 0 },
    { id: "leather", label: "Leather", priceCents: 5_000, leadDays: 7, productionHours: 1 },
  ] }],
  rules: [],
};

describe("saved test cases", () => {
  it("take the engine's result as what a configuration gives", () => {
    expect(resultOf(chair, { seat: "leather" }, 2)).toEqual({ valid: true, priceCents: 30_000, leadDays: 10, operations: [{ key: "make", hours: 6 }] });
    // A required group left empty is invalid; an unreadable selection is invalid and priced at nothing.
    expect(resultOf(chair, {}, 1).valid).toBe(false);
    expect(resultOf(chair, "not a selection", 1)).toEqual({ valid: false, priceCents: 0, leadDays: 0, operations: [] });
  });

  it("report which expectations a changed definition no longer meets", () => {
    const expected = { valid: true, priceCents: 30_000, leadDays: 10, operations: [{ key: "make", hours: 6 }] };
    const testCase = { id: "c1", name: "Leather pair", selection: { seat: "leather" }, quantity: 2, expected };
    expect(runTestCase(chair, testCase).mismatches).toEqual([]);
    const dearer: Definition = { ...chair, basePriceCents: 11_000, routing: [{ id: "make", label: "Make", workCentre: "workshop", hours: 2.5 }] };
    const run = runTestCase(dearer, testCase);
    expect(run.mismatches).toEqual(["price", "operations"]);
    expect(run.got.priceCents).toBe(32_000);
    // Hours are compared only when the case keeps them.
    expect(runTestCase(dearer, { ...testCase, expected: { ...expected, priceCents: 32_000, operations: null } }).mismatches).toEqual([]);
    const noLeather: Definition = { ...chair, groups: [{ id: "seat", label: "Seat", type: "single", required: true, options: [{ id: "wood", label: "Wood", priceCents: 0, leadDays: 0, productionHours: 0 }] }] };
    expect(runTestCase(noLeather, testCase).mismatches).toContain("valid");
  });

  it("read back stored hours, treating anything malformed as not compared", () => {
    expect(readOperations([{ key: "make", hours: 2 }])).toEqual([{ key: "make", hours: 2 }]);
    expect(readOperations(null)).toBeNull();
    expect(readOperations([{ key: "make" }])).toBeNull();
  });
});
