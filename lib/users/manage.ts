import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Role } from "@/lib/users/schema";
import { writeAudit } from "../audit/write";

export type UserChangeResult = { ok: true; message: string } | { ok: false; message: string };

const ROLE_LABEL: Record<Role, string> = { CUSTOMER: "customer", STAFF: "staff", ADMIN: "admin" };

/** Changes a user's role; an admin cannot take the admin role away from themselves. */
export async function changeRole(db: Prisma, actor: { id: string }, userId: string, role: Role): Promise<UserChangeResult> {
  if (userId === actor.id && role !== "ADMIN") return { ok: false, message: "You cannot remove your own admin role. Ask another admin." };
  return runTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!user) return { ok: false as const, message: "This user no longer exists." };
    if (user.role === role) return { ok: true as const, message: `${user.email} is already ${ROLE_LABEL[role]}.` };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await writeAudit(tx, { actorId: actor.id, action: "user.role", entityType: "User", entityId: userId, summary: `Changed ${user.email} from ${ROLE_LABEL[user.role]} to ${ROLE_LABEL[role]}`, data: { from: user.role, to: role } });
    return { ok: true as const, message: `${user.email} is now ${ROLE_LABEL[role]}.` };
  });
}

/**
 * Deactivates or reactivates a user. A deactivated user cannot sign in, and their existing session
 * stops working at the next request (every request re-reads the active flag). Admins cannot deactivate themselves.
 */
export async function setUserActive(db: Prisma, actor: { id: string }, userId: string, active: boolean): Promise<UserChangeResult> {
  if (userId === actor.id && !active) return { ok: false, message: "You cannot deactivate your own account." };
  return runTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, active: true } });
    if (!user) return { ok: false as const, message: "This user no longer exists." };
    if (user.active === active) return { ok: true as const, message: `${user.email} is already ${active ? "active" : "deactivated"}.` };
    await tx.user.update({ where: { id: userId }, data: { active } });
    await writeAudit(tx, { actorId: actor.id, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId, summary: `${active ? "Reactivated" : "Deactivated"} ${user.email}` });
    return { ok: true as const, message: `${user.email} is ${active ? "active again" : "deactivated"}.` };
  });
}
