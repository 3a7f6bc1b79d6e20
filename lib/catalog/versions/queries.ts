import type { Prisma } from "@/lib/db/client";
import { readOperations, type TestCaseInput } from "./test-cases";

export type TestCaseRow = TestCaseInput & { updatedAt: Date };

/** A product's saved test cases, by name, ready to run. */
export async function findTestCaseInputs(db: Prisma, productId: string): Promise<TestCaseRow[]> {
  const rows = await db.productTestCase.findMany({ where: { productId }, orderBy: { name: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    selection: r.selection,
    quantity: r.quantity,
    updatedAt: r.updatedAt,
    expected: { valid: r.expectValid, priceCents: r.expectPriceCents, leadDays: r.expectLeadDays, operations: readOperations(r.expectOperations) },
  }));
}

/** Two versions of a product, for the compare page (null when the product or a version is missing). */
export async function getVersionPair(db: Prisma, productId: string, from: number, to: number) {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { id: true, name: true, currentVersionId: true, versions: { orderBy: { version: "desc" }, select: { id: true, version: true, status: true, definition: true, publishedAt: true } } },
  });
  if (!product) return null;
  const pick = (n: number) => product.versions.find((v) => v.version === n) ?? null;
  return { product: { id: product.id, name: product.name, currentVersionId: product.currentVersionId }, versions: product.versions.map(({ definition: _d, ...v }) => v), from: pick(from), to: pick(to) };
}
