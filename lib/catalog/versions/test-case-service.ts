import { parseDefinition } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/types";
import { writeAudit } from "../../audit/write";
import { resultOf } from "./test-cases";

type Actor = { id: string };

export type TestCaseResult = { ok: true; id: string; message: string } | { ok: false; field?: "name" | "selection"; message: string };

const nameTaken = { ok: false, field: "name", message: "Another test case of this product has this name." } as const;
export const MAX_TEST_CASES = 100;

/** The definition the admin is looking at: the draft when there is one, else the current or latest version. */
async function workingDefinition(tx: Tx, productId: string) {
  const rows = await tx.productVersion.findMany({ where: { productId }, orderBy: { version: "desc" }, select: { version: true, status: true, definition: true, id: true } });
  const product = await tx.product.findUnique({ where: { id: productId }, select: { currentVersionId: true } });
  return rows.find((r) => r.status === "DRAFT") ?? rows.find((r) => r.id === product?.currentVersionId) ?? rows[0] ?? null;
}

/** Saves a configuration as a test case, with what the engine says of it now (on the draft) as its expectation. */
export async function createTestCase(db: Prisma, actor: Actor, productId: string, input: { name: string; selection: unknown; quantity: number }): Promise<TestCaseResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const product = await tx.product.findUnique({ where: { id: productId }, select: { name: true, _count: { select: { testCases: true } } } });
      if (!product) return { ok: false as const, message: "This product no longer exists." };
      if (product._count.testCases >= MAX_TEST_CASES) return { ok: false as const, message: `A product keeps at most ${MAX_TEST_CASES} test cases; delete one first.` };
      const version = await workingDefinition(tx, productId);
      const parsed = version ? parseDefinition(version.definition) : null;
      if (!version || !parsed?.ok) return { ok: false as const, message: "The draft is not a valid definition yet; fix it in the editor first." };
      const got = resultOf(parsed.definition, input.selection, input.quantity);
      const row = await tx.productTestCase.create({
        data: {
          productId,
          name: input.name,
          selection: input.selection as PrismaTypes.InputJsonValue,
          quantity: input.quantity,
          expectValid: got.valid,
          expectPriceCents: got.priceCents,
          expectLeadDays: got.leadDays,
          expectOperations: got.operations as PrismaTypes.InputJsonValue,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "test-case.create",
        entityType: "Product",
        entityId: productId,
        summary: `Saved test case "${input.name}" of ${product.name} (v${version.version}: ${got.valid ? "valid" : "invalid"}, ${got.priceCents} cents, ${got.leadDays} days)`,
        data: { testCaseId: row.id, version: version.version, expected: got },
      });
      return { ok: true as const, id: row.id, message: `Test case "${input.name}" saved with the current result as its expectation.` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken;
    throw error;
  }
}

export type TestCaseEdit = { name: string; expectValid: boolean; expectPriceCents: number; expectLeadDays: number; compareOperations: boolean };

/** Renames a test case or edits what it expects (dropping the per-operation hours when they are not to be compared). */
export async function updateTestCase(db: Prisma, actor: Actor, productId: string, id: string, edit: TestCaseEdit): Promise<TestCaseResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const before = await tx.productTestCase.findFirst({ where: { id, productId }, select: { name: true, expectValid: true, expectPriceCents: true, expectLeadDays: true, expectOperations: true, product: { select: { name: true } } } });
      if (!before) return { ok: false as const, message: "This test case no longer exists." };
      const { compareOperations, ...fields } = edit;
      await tx.productTestCase.update({
        where: { id },
        data: { ...fields, ...(compareOperations ? {} : { expectOperations: PrismaTypes.DbNull }) },
      });
      const { product, ...old } = before;
      await writeAudit(tx, {
        actorId: actor.id,
        action: "test-case.update",
        entityType: "Product",
        entityId: productId,
        summary: `Edited test case "${edit.name}" of ${product.name}`,
        data: { testCaseId: id, before: old as PrismaTypes.InputJsonValue, after: edit },
      });
      return { ok: true as const, id, message: `Test case "${edit.name}" saved.` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken;
    throw error;
  }
}

/** Deletes a test case. */
export async function deleteTestCase(db: Prisma, actor: Actor, productId: string, id: string): Promise<TestCaseResult> {
  return runTransaction(db, async (tx) => {
    const row = await tx.productTestCase.findFirst({ where: { id, productId }, select: { name: true, product: { select: { name: true } } } });
    if (!row) return { ok: false as const, message: "This test case no longer exists." };
    await tx.productTestCase.delete({ where: { id } });
    await writeAudit(tx, { actorId: actor.id, action: "test-case.delete", entityType: "Product", entityId: productId, summary: `Deleted test case "${row.name}" of ${row.product.name}`, data: { testCaseId: id } });
    return { ok: true as const, id, message: `Test case "${row.name}" deleted.` };
  });
}
