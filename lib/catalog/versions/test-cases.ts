import { evaluate, selectionSchema, type Definition, type Selection } from "@/lib/configurator";
import * as z from "zod/mini";

// Saved test cases of a product: a configuration and the result it must keep. Pure: publishing runs them
// on the draft with the engine and blocks on any difference unless the admin accepts the new results.

export type OperationHoursExpectation = { key: string; hours: number };

/** What a configuration gives: validity, total price, lead days and (optionally compared) hours per operation. */
export type CaseResult = { valid: boolean; priceCents: number; leadDays: number; operations: OperationHoursExpectation[] };

export type Expectation = { valid: boolean; priceCents: number; leadDays: number; operations: OperationHoursExpectation[] | null };

export type TestCaseInput = { id: string; name: string; selection: unknown; quantity: number; expected: Expectation };

export type Mismatch = "valid" | "price" | "leadDays" | "operations";

export type CaseRun = { id: string; name: string; expected: Expectation; got: CaseResult; mismatches: Mismatch[] };

const HOURS_TOLERANCE = 1e-6;

/** The engine's answer for a configuration (an unreadable selection is invalid, priced at nothing). */
export function resultOf(definition: Definition, selection: unknown, quantity: number): CaseResult {
  const parsed = z.safeParse(selectionSchema, selection);
  if (!parsed.success) return { valid: false, priceCents: 0, leadDays: 0, operations: [] };
  const result = evaluate(definition, parsed.data as Selection, { quantity });
  return {
    valid: result.valid,
    priceCents: result.totalCents,
    leadDays: result.leadDays,
    operations: result.operations.map((o) => ({ key: o.key, hours: o.hours })),
  };
}

function sameOperations(expected: OperationHoursExpectation[], got: OperationHoursExpectation[]): boolean {
  if (expected.length !== got.length) return false;
  return expected.every((e, i) => got[i]?.key === e.key && Math.abs((got[i]?.hours ?? 0) - e.hours) <= HOURS_TOLERANCE);
}

/** Runs one case on a definition and says which expectations it no longer meets. */
export function runTestCase(definition: Definition, testCase: TestCaseInput): CaseRun {
  const got = resultOf(definition, testCase.selection, testCase.quantity);
  const { expected } = testCase;
  const mismatches: Mismatch[] = [];
  if (got.valid !== expected.valid) mismatches.push("valid");
  if (got.priceCents !== expected.priceCents) mismatches.push("price");
  if (got.leadDays !== expected.leadDays) mismatches.push("leadDays");
  if (expected.operations && !sameOperations(expected.operations, got.operations)) mismatches.push("operations");
  return { id: testCase.id, name: testCase.name, expected, got, mismatches };
}

/** Runs every case; the ones with mismatches are the failures. */
export function runTestCases(definition: Definition, cases: TestCaseInput[]): CaseRun[] {
  return cases.map((c) => runTestCase(definition, c));
}

/** Reads the stored operations expectation (JSON) back; anything malformed counts as "not compared". */
export function readOperations(value: unknown): OperationHoursExpectation[] | null {
  if (!Array.isArray(value)) return null;
  const ops = value.filter((o): o is OperationHoursExpectation => typeof o === "object" && o !== null && typeof (o as OperationHoursExpectation).key === "string" && typeof (o as OperationHoursExpectation).hours === "number");
  return ops.length === value.length ? ops : null;
}
