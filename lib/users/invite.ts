import { appOrigin } from "@/lib/auth/callback-url";
import type { Prisma, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/email";
import { getSettings } from "@/lib/settings/queries";
import { writeAudit } from "../audit/write";
import type { Role } from "./schema";
import { inviteEmail } from "./token-emails";
import { issueToken, NO_PASSWORD, TOKEN_VALID_HOURS } from "./tokens";

// An admin creates an account for someone (name, email, role); it has no password until its owner opens
// the emailed link and chooses one (lib/users/set-password.ts). Re-sending spends the previous link.

export type InviteResult =
  | { ok: true; message: string; userId: string; token: string }
  | { ok: false; message: string; errors?: Record<string, string[]> };

/** Said at the email field when the address already has an account (an admin may know who has one). */
export const EMAIL_TAKEN = "An account with this email address already exists. Find it in the list below to change its role.";

const ROLE_LABEL: Record<Role, string> = { CUSTOMER: "customer", STAFF: "staff", ADMIN: "admin" };

async function sendInvite(tx: Tx, actor: { name: string }, user: { id: string; name: string; email: string }, now: Date): Promise<string> {
  const token = await issueToken(tx, user.id, "INVITE", now);
  const { companyName } = await getSettings(tx);
  const link = `${appOrigin()}/invite?${new URLSearchParams({ token })}`;
  await enqueueEmail(tx, { to: user.email, ...inviteEmail({ name: user.name, invitedBy: actor.name, link, companyName, validHours: TOKEN_VALID_HOURS.INVITE }) });
  return token;
}

/** Creates the invited account and emails its link, in one transaction. The token is returned for tests only. */
export async function inviteUser(
  db: Prisma,
  actor: { id: string; name: string },
  input: { name: string; email: string; role: Role },
  now = new Date(),
): Promise<InviteResult> {
  try {
    return await runTransaction(db, async (tx): Promise<InviteResult> => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        return { ok: false, message: EMAIL_TAKEN, errors: { email: [EMAIL_TAKEN] } };
      }
      const user = await tx.user.create({ data: { name: input.name, email: input.email, role: input.role, passwordHash: NO_PASSWORD }, select: { id: true } });
      const token = await sendInvite(tx, actor, { id: user.id, ...input }, now);
      await writeAudit(tx, {
        actorId: actor.id, action: "user.invite", entityType: "User", entityId: user.id,
        summary: `Invited ${input.email} as ${ROLE_LABEL[input.role]}`, data: { role: input.role },
      });
      return { ok: true, message: `Invitation sent to ${input.email}. The link works for ${TOKEN_VALID_HOURS.INVITE} hours.`, userId: user.id, token };
    });
  } catch (error) {
    // Two admins inviting one address at once: the other created it.
    if (isUniqueViolation(error)) return { ok: false, message: EMAIL_TAKEN, errors: { email: [EMAIL_TAKEN] } };
    throw error;
  }
}

/** Sends a new invitation link to a user who has not set a password yet; the earlier link stops working. */
export async function resendInvite(db: Prisma, actor: { id: string; name: string }, userId: string, now = new Date()): Promise<InviteResult> {
  return runTransaction(db, async (tx): Promise<InviteResult> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, active: true, passwordHash: true } });
    if (!user) return { ok: false, message: "This user no longer exists." };
    if (user.passwordHash !== NO_PASSWORD) return { ok: false, message: `${user.email} has already set a password. They can reset it from the sign-in page.` };
    if (!user.active) return { ok: false, message: `${user.email} is deactivated. Reactivate the account first.` };
    const token = await sendInvite(tx, actor, user, now);
    await writeAudit(tx, { actorId: actor.id, action: "user.invite-resend", entityType: "User", entityId: user.id, summary: `Sent a new invitation to ${user.email}` });
    return { ok: true, message: `A new invitation is on its way to ${user.email}; the previous link no longer works.`, userId: user.id, token };
  });
}
