import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write";
import { canonical } from "./diff";

export type RollbackResult =
  | { ok: true; draftVersion: number; replaced: boolean }
  | { ok: false; message: string; draftExists?: number };

/**
 * Starts a draft from any version of a product (a rollback once published). A draft that only repeats the
 * current version is simply overwritten; a draft with changes of its own is kept unless `replace` is set.
 */
export async function startDraftFromVersion(db: Prisma, actor: { id: string }, productId: string, version: number, replace: boolean): Promise<RollbackResult> {
  return runTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({
      where: { id: productId },
      select: { name: true, status: true, currentVersion: { select: { definition: true } } },
    });
    if (!product) return { ok: false as const, message: "This product no longer exists." };
    if (product.status === "ARCHIVED") return { ok: false as const, message: "This product is archived. Unarchive it before starting a draft." };
    const source = await tx.productVersion.findUnique({ where: { productId_version: { productId, version } }, select: { definition: true, status: true, currency: true } });
    if (!source) return { ok: false as const, message: `Version ${version} does not exist.` };
    // A version left behind by a change of shop currency is priced in its own currency (null: the shop's).
    if (source.currency !== null) {
      const shop = await tx.settings.findUnique({ where: { id: 1 }, select: { currency: true } });
      if (source.currency !== (shop?.currency ?? "EUR")) {
        return { ok: false as const, message: `Version ${version} is priced in ${source.currency}, and the shop now sells in ${shop?.currency ?? "EUR"}. Start from a version priced in ${shop?.currency ?? "EUR"}.` };
      }
    }
    const draft = await tx.productVersion.findFirst({ where: { productId, status: "DRAFT" }, select: { id: true, version: true, definition: true } });
    const definition = source.definition as PrismaTypes.InputJsonValue;
    let draftVersion: number;
    let replaced = false;
    if (draft) {
      if (draft.version === version) return { ok: false as const, message: `Version ${version} is the draft itself; edit it in the editor.` };
      const changed = canonical(draft.definition) !== canonical(product.currentVersion?.definition ?? null);
      if (changed && !replace) {
        return {
          ok: false as const,
          draftExists: draft.version,
          message: `Draft v${draft.version} has changes of its own. Tick "Replace draft v${draft.version}" to overwrite it with version ${version}, or publish or discard it first.`,
        };
      }
      const updated = await tx.productVersion.updateMany({ where: { id: draft.id, status: "DRAFT" }, data: { definition } });
      if (updated.count !== 1) return { ok: false as const, message: "The draft was published meanwhile. Reload the page." };
      draftVersion = draft.version;
      replaced = changed;
    } else {
      const last = await tx.productVersion.aggregate({ where: { productId }, _max: { version: true } });
      draftVersion = (last._max.version ?? 0) + 1;
      await tx.productVersion.create({ data: { productId, version: draftVersion, status: "DRAFT", definition } });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "version.rollback",
      entityType: "ProductVersion",
      entityId: `${productId}:v${draftVersion}`,
      summary: `Started draft v${draftVersion} of ${product.name} from v${version}${replaced ? " (replacing the draft's changes)" : ""}`,
      data: { from: version, draft: draftVersion, replaced },
    });
    return { ok: true as const, draftVersion, replaced };
  });
}
