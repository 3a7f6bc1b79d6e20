"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formText, formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { changeRoleSchema, setActiveSchema, userIdSchema } from "./schema";
import { inviteUser, resendInvite } from "./invite";
import { changeRole, setUserActive } from "./manage";
import { inviteSchema } from "./token-schema";

/** Changes one user's role (not the caller's own admin role). */
export async function changeRoleAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const parsed = changeRoleSchema.safeParse({ userId: formText(formData, "userId"), role: formText(formData, "role") });
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Choose a valid role." };
  try {
    const result = await changeRole(await getDb(), caller.user, parsed.data.userId, parsed.data.role);
    if (result.ok) revalidatePath("/admin/users");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("change role failed", error);
    return { ok: false, message: "The role could not be changed. Please try again." };
  }
}

/** Deactivates or reactivates one user (not the caller). */
export async function setUserActiveAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const parsed = setActiveSchema.safeParse({ userId: formText(formData, "userId"), active: formText(formData, "active") });
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  try {
    const result = await setUserActive(await getDb(), caller.user, parsed.data.userId, parsed.data.active);
    if (result.ok) revalidatePath("/admin/users");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("set user active failed", error);
    return { ok: false, message: "The account could not be changed. Please try again." };
  }
}

/** Invites a user: creates the account (name, email, role) and emails the link where they choose a password. */
export async function inviteUserAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const raw = formTexts(formData, ["name", "email", "role"]);
  const values = { name: raw.name.slice(0, 100), email: raw.email.slice(0, 254), role: raw.role.slice(0, 20) };
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const result = await inviteUser(await getDb(), caller.user, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, errors: result.errors, values };
    revalidatePath("/admin/users");
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("invite failed", error instanceof Error ? error.name : "unknown error");
    return { ok: false, message: "The invitation could not be sent. Please try again.", values };
  }
}

/** Sends a new invitation to a user who has not set a password yet (the previous link stops working). */
export async function resendInviteAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const parsed = userIdSchema.safeParse(formText(formData, "userId"));
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  try {
    const result = await resendInvite(await getDb(), caller.user, parsed.data);
    if (result.ok) revalidatePath("/admin/users");
    return { ok: result.ok, message: result.message };
  } catch (error) {
    console.error("resend invite failed", error instanceof Error ? error.name : "unknown error");
    return { ok: false, message: "The invitation could not be sent. Please try again." };
  }
}
