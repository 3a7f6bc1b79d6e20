import { z } from "zod";
import { change } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { CHANGEABLE_STAGES } from "@/lib/orders/revision";
import { STATUS_LABELS, type OrderStatus } from "@/lib/orders/status";
import { getChangePolicy } from "./queries";

// Change orders (issue 23): until which stage customers change an order themselves, and until which they may
// ask the workshop for a change. Saved by admins, audited.

const stage = z.enum(CHANGEABLE_STAGES as [OrderStatus, ...OrderStatus[]], "Choose a stage");

export const changePolicySchema = z
  .object({ changeDirectUntil: stage, changeRequestUntil: stage })
  .refine((v) => CHANGEABLE_STAGES.indexOf(v.changeRequestUntil) >= CHANGEABLE_STAGES.indexOf(v.changeDirectUntil), {
    path: ["changeRequestUntil"],
    message: "Requests must be allowed at least as long as direct changes",
  });

/** Saves the change-order policy and audits it. */
export async function updateChangePolicy(db: Prisma, actor: { id: string }, input: z.infer<typeof changePolicySchema>): Promise<{ ok: true; message: string }> {
  return runTransaction(db, async (tx) => {
    const before = await getChangePolicy(tx);
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await writeAudit(tx, {
      actorId: actor.id, action: "settings.change_policy", entityType: "Settings", entityId: "1", summary: "Changed when customers may change orders",
      data: { before, after: input },
      changes: [
        ...change("Customers change directly until", STATUS_LABELS[before.changeDirectUntil], STATUS_LABELS[input.changeDirectUntil]),
        ...change("Customers may request a change until", STATUS_LABELS[before.changeRequestUntil], STATUS_LABELS[input.changeRequestUntil]),
      ],
    });
    return { ok: true as const, message: "Change-order settings saved." };
  });
}
