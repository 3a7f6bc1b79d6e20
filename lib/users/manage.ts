import { queryRows, type Prisma, type Tx } from "@/lib/db/client";
import { driverError } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import type { Role } from "@/lib/users/schema";
import { change as auditChange } from "../audit/changes";
import { writeAudit } from "../audit/write";
import { endSessions } from "./manage-sessions";

export type UserChangeResult = { ok: true; message: string } | { ok: false; message: string };

const ROLE_LABEL: Record<Role, string> = { CUSTOMER: "customer", STAFF: "staff", ADMIN: "admin" };

/** Told to an admin whose own admin role or account was taken away a moment before their change ran. */
export const NO_LONGER_ADMIN = "You are no longer an active admin (another admin just changed your account), so nothing was changed.";
/** Told when a change would leave no active admin. */
export const LAST_ADMIN = "At least one active admin must remain. Make another user an admin first.";

/**
 * Locks the rows of the active admins, in id order, and returns their ids. Every change of a role or an active
 * flag takes these locks first, so two admins acting on each other at once run one after the other, and the
 * second sees what the first did (READ COMMITTED re-checks a locked row that changed meanwhile).
 */
async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, `SELECT "id" FROM "users" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`);
  return rows.map((row) => row.id);
}

/** The refusal when the actor is no longer an active admin, or the change would leave no active admin; else null. */
function adminGuard(admins: string[], actorId: string, target: { id: string; removesAdmin: boolean }): UserChangeResult | null {
  if (!admins.includes(actorId)) return { ok: false, message: NO_LONGER_ADMIN };
  if (target.removesAdmin && !admins.some((id) => id !== target.id)) return { ok: false, message: LAST_ADMIN };
  return null;
}

/** Runs an admin's change of a user; the database's own last-admin check (prisma/sql/keep_an_active_admin.sql) reads as LAST_ADMIN. */
async function change(db: Prisma, fn: (tx: Tx) => Promise<UserChangeResult>): Promise<UserChangeResult> {
  try {
    return await runTransaction(db, fn);
  } catch (error) {
    if (/At least one active admin must remain/.test(driverError(error).message ?? "")) return { ok: false, message: LAST_ADMIN };
    throw error;
  }
}

/**
 * Changes a user's role and ends their sessions (they sign in again with the new role; a staff member's open
 * live streams close). An admin cannot take the admin role away from themselves, and at least one active admin
 * always remains, even when two admins demote each other at the same moment.
 */
export async function changeRole(db: Prisma, actor: { id: string }, userId: string, role: Role): Promise<UserChangeResult> {
  if (userId === actor.id && role !== "ADMIN") return { ok: false, message: "You cannot remove your own admin role. Ask another admin." };
  return change(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, active: true } });
    if (!user) return { ok: false, message: "This user no longer exists." };
    const refused = adminGuard(admins, actor.id, { id: userId, removesAdmin: user.role === "ADMIN" && user.active && role !== "ADMIN" });
    if (refused) return refused;
    if (user.role === role) return { ok: true, message: `${user.email} is already ${ROLE_LABEL[role]}.` };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await endSessions(tx, userId);
    await writeAudit(tx, { actorId: actor.id, action: "user.role", entityType: "User", entityId: userId, summary: `Changed ${user.email} from ${ROLE_LABEL[user.role]} to ${ROLE_LABEL[role]}`, data: { from: user.role, to: role }, changes: auditChange("Role", ROLE_LABEL[user.role], ROLE_LABEL[role]) });
    return { ok: true, message: `${user.email} is now ${ROLE_LABEL[role]}.` };
  });
}

/**
 * Deactivates or reactivates a user, and ends their sessions either way: a deactivated user cannot sign in and
 * their sessions stop at the next request; a reactivated one signs in again (old tokens do not come back).
 * Admins cannot deactivate themselves, and at least one active admin always remains.
 */
export async function setUserActive(db: Prisma, actor: { id: string }, userId: string, active: boolean): Promise<UserChangeResult> {
  if (userId === actor.id && !active) return { ok: false, message: "You cannot deactivate your own account." };
  return change(db, async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, active: true } });
    if (!user) return { ok: false, message: "This user no longer exists." };
    const refused = adminGuard(admins, actor.id, { id: userId, removesAdmin: user.role === "ADMIN" && user.active && !active });
    if (refused) return refused;
    if (user.active === active) return { ok: true, message: `${user.email} is already ${active ? "active" : "deactivated"}.` };
    await tx.user.update({ where: { id: userId }, data: { active } });
    // A deactivated user's emailed links (invitation, reset) stop working for good, even after a reactivation.
    if (!active) await tx.userToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await endSessions(tx, userId);
    await writeAudit(tx, { actorId: actor.id, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId, summary: `${active ? "Reactivated" : "Deactivated"} ${user.email}`, changes: auditChange("Active", !active, active) });
    return { ok: true, message: `${user.email} is ${active ? "active again" : "deactivated"}.` };
  });
}
