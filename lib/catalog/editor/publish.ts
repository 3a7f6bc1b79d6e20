import { lint, parseDefinition, type LintFinding } from "@/lib/configurator";
import { cheapestConfiguration } from "@/lib/catalog/from-price";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { listWorkCentres } from "@/lib/workshop/queries";
import { change } from "../../audit/changes";
import { writeAudit } from "../../audit/write";
import { findTestCaseInputs } from "../versions/queries";
import { runTestCases, type CaseRun } from "../versions/test-cases";

export type PublishInput = {
  productId: string;
  note: string;
  acknowledgeWarnings: boolean;
  /** The draft's revision (its updatedAt, ISO) the admin reviewed; publishing refuses a draft saved since. */
  revision?: string;
  /** Publish even though saved test cases give other results, and make those results their new expectations. */
  acceptTestResults?: boolean;
};

export type PublishResult =
  | { ok: true; version: number; slug: string; testRuns: CaseRun[]; accepted: number }
  | { ok: false; message: string; findings?: LintFinding[]; testRuns?: CaseRun[] };

export const STALE_DRAFT = "The saved draft changed since this page was loaded (saved in another tab or by someone else). Reload the page, review the draft and publish again.";

/**
 * Publishes a product's draft: the engine's lint, with the workshop's work centres (every operation of
 * the routing at an existing, active centre), must find no errors (and warnings must be acknowledged); the draft becomes an immutable PUBLISHED version and the product's current version.
 * Orders keep pointing at the version they were priced from.
 */
export async function publishDraft(db: Prisma, actor: { id: string }, input: PublishInput): Promise<PublishResult> {
  const draft = await db.productVersion.findFirst({
    where: { productId: input.productId, status: "DRAFT" },
    select: { id: true, version: true, definition: true, updatedAt: true },
  });
  if (!draft) return { ok: false, message: "There is no draft to publish. Save a draft first." };
  if (input.revision !== undefined && input.revision !== draft.updatedAt.toISOString()) return { ok: false, message: STALE_DRAFT };
  const status = await db.product.findUnique({ where: { id: input.productId }, select: { status: true } });
  if (status?.status === "ARCHIVED") return { ok: false, message: "This product is archived. Unarchive it before publishing." };
  const findings = lint(draft.definition, await listWorkCentres(db));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) return { ok: false, message: `Publishing is blocked by ${errors.length} error(s).`, findings };
  const warnings = findings.filter((f) => f.severity === "warning");
  if (warnings.length > 0 && !input.acknowledgeWarnings) {
    return { ok: false, message: `Acknowledge the ${warnings.length} warning(s) to publish.`, findings };
  }
  const parsed = parseDefinition(draft.definition);
  if (!parsed.ok) return { ok: false, message: "The draft is not a valid definition." };
  const cases = await findTestCaseInputs(db, input.productId);
  const testRuns = runTestCases(parsed.definition, cases);
  const failing = testRuns.filter((r) => r.mismatches.length > 0);
  if (failing.length > 0 && !input.acceptTestResults) {
    return {
      ok: false,
      message: `${failing.length} of ${testRuns.length} saved test case(s) give different results on this draft. Review them, then fix the draft or accept the new results.`,
      testRuns,
    };
  }
  const cheapest = cheapestConfiguration(parsed.definition);
  return runTransaction(db, async (tx) => {
    // Conditional on the draft being unchanged since it was linted: a concurrent save or publish loses.
    const updated = await tx.productVersion.updateMany({
      where: { id: draft.id, status: "DRAFT", updatedAt: draft.updatedAt },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id, note: input.note, fromPriceCents: cheapest?.totalCents ?? null },
    });
    if (updated.count !== 1) return { ok: false as const, message: "The draft changed while publishing. Review it and publish again." };
    const previous = await tx.product.findUnique({ where: { id: input.productId }, select: { currentVersion: { select: { version: true } } } });
    // Accepted results become the cases' expectations, in the same transaction as the publish.
    for (const run of failing) {
      const accepted = await tx.productTestCase.updateMany({
        where: { id: run.id, productId: input.productId, updatedAt: cases.find((c) => c.id === run.id)?.updatedAt },
        data: {
          expectValid: run.got.valid,
          expectPriceCents: run.got.priceCents,
          expectLeadDays: run.got.leadDays,
          ...(run.expected.operations ? { expectOperations: run.got.operations } : {}),
        },
      });
      if (accepted.count !== 1) throw new TestCasesChanged();
    }
    const product = await tx.product.update({ where: { id: input.productId }, data: { currentVersionId: draft.id, status: "ACTIVE" }, select: { slug: true, name: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "version.publish",
      entityType: "ProductVersion",
      entityId: draft.id,
      summary: `Published ${product.name} v${draft.version}${input.note ? `: ${input.note}` : ""}`,
      data: {
        version: draft.version,
        warnings: warnings.map((w) => w.message),
        fromPriceCents: cheapest?.totalCents ?? null,
        testCases: testRuns.length,
        acceptedTestResults: failing.map((r) => ({ id: r.id, name: r.name, expected: r.expected, got: r.got })),
      },
      changes: [...change("Current version", previous?.currentVersion ? `v${previous.currentVersion.version}` : null, `v${draft.version}`), ...change("Note", null, input.note)],
    });
    return { ok: true as const, version: draft.version, slug: product.slug, testRuns, accepted: failing.length };
  }).catch((error: unknown) => {
    if (error instanceof TestCasesChanged) return { ok: false as const, message: "A test case was edited while publishing. Review the results and publish again.", testRuns };
    throw error;
  });
}

class TestCasesChanged extends Error {}
