import { parseDefinition, type ParseIssue } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { change, jsonChanges } from "../../audit/changes";
import { writeAudit } from "../../audit/write";

export type SaveDraftResult = { ok: true; version: number } | { ok: false; issues: ParseIssue[]; message: string };

/**
 * Saves a product's draft definition after validating it with the engine's schema. Published versions
 * are never touched: when there is no draft yet, a new one is created with the next version number.
 */
export async function saveDraft(db: Prisma, actor: { id: string }, productId: string, input: unknown): Promise<SaveDraftResult> {
  const parsed = parseDefinition(input);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, message: `The draft has ${parsed.issues.length} problem(s); fix the highlighted fields.` };
  const definition = parsed.definition as PrismaTypes.InputJsonValue;
  return runTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true } });
    if (!product) return { ok: false as const, issues: [], message: "This product no longer exists." };
    const draft = await tx.productVersion.findFirst({ where: { productId, status: "DRAFT" }, select: { id: true, version: true, definition: true } });
    // The audit shows what this save changed: against the draft it replaces, or the version it starts from.
    const previous = draft?.definition ?? (await tx.product.findUnique({ where: { id: productId }, select: { currentVersion: { select: { definition: true } } } }))?.currentVersion?.definition ?? null;
    let version: number;
    if (draft) {
      // The definition goes as one jsonb parameter: through the query builder, its values are compiled into
      // the query (a 180 KB definition of 2,000 options: 88-122 ms against 16-47 ms this way).
      const updated = await tx.$executeRaw`UPDATE "product_versions" SET "definition" = ${JSON.stringify(definition)}::jsonb, "updated_at" = ${new Date()}
        WHERE "id" = ${draft.id} AND "status" = 'DRAFT'`;
      if (updated !== 1) return { ok: false as const, issues: [], message: "This draft was published meanwhile. Reload the page." };
      version = draft.version;
    } else {
      const last = await tx.productVersion.aggregate({ where: { productId }, _max: { version: true } });
      version = (last._max.version ?? 0) + 1;
      await tx.productVersion.create({ data: { productId, version, status: "DRAFT", definition } });
    }
    await writeAudit(tx, { actorId: actor.id, action: "version.save-draft", entityType: "ProductVersion", entityId: `${productId}:v${version}`, summary: `Saved draft v${version} of ${product.name}`, changes: jsonChanges(previous, definition) });
    return { ok: true as const, version };
  });
}

/** Throws away a product's draft (the published version stays current). */
export async function discardDraft(db: Prisma, actor: { id: string }, productId: string): Promise<boolean> {
  return runTransaction(db, async (tx) => {
    const draft = await tx.productVersion.findFirst({ where: { productId, status: "DRAFT" }, select: { id: true, version: true, product: { select: { name: true, currentVersionId: true } } } });
    if (!draft || !draft.product.currentVersionId) return false;
    await tx.productVersion.delete({ where: { id: draft.id } });
    await writeAudit(tx, { actorId: actor.id, action: "version.discard-draft", entityType: "ProductVersion", entityId: `${productId}:v${draft.version}`, summary: `Discarded draft v${draft.version} of ${draft.product.name}`, changes: change("Draft", `v${draft.version}`, null) });
    return true;
  });
}
