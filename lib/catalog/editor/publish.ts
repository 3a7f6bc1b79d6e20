import { lint, parseDefinition, type LintFinding } from "@/lib/configurator";
import { cheapestConfiguration } from "@/lib/catalog/from-price";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { listWorkCentres } from "@/lib/workshop/queries";
import { writeAudit } from "../../audit/write";

export type PublishInput = { productId: string; note: string; acknowledgeWarnings: boolean };

export type PublishResult =
  | { ok: true; version: number; slug: string }
  | { ok: false; message: string; findings?: LintFinding[] };

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
  const findings = lint(draft.definition, await listWorkCentres(db));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) return { ok: false, message: `Publishing is blocked by ${errors.length} error(s).`, findings };
  const warnings = findings.filter((f) => f.severity === "warning");
  if (warnings.length > 0 && !input.acknowledgeWarnings) {
    return { ok: false, message: `Acknowledge the ${warnings.length} warning(s) to publish.`, findings };
  }
  const parsed = parseDefinition(draft.definition);
  if (!parsed.ok) return { ok: false, message: "The draft is not a valid definition." };
  const cheapest = cheapestConfiguration(parsed.definition);
  return runTransaction(db, async (tx) => {
    // Conditional on the draft being unchanged since it was linted: a concurrent save or publish loses.
    const updated = await tx.productVersion.updateMany({
      where: { id: draft.id, status: "DRAFT", updatedAt: draft.updatedAt },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id, note: input.note, fromPriceCents: cheapest?.totalCents ?? null },
    });
    if (updated.count !== 1) return { ok: false as const, message: "The draft changed while publishing. Review it and publish again." };
    const product = await tx.product.update({ where: { id: input.productId }, data: { currentVersionId: draft.id }, select: { slug: true, name: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "version.publish",
      entityType: "ProductVersion",
      entityId: draft.id,
      summary: `Published ${product.name} v${draft.version}${input.note ? `: ${input.note}` : ""}`,
      data: { version: draft.version, warnings: warnings.map((w) => w.message), fromPriceCents: cheapest?.totalCents ?? null },
    });
    return { ok: true as const, version: draft.version, slug: product.slug };
  });
}
