"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { changeRoleSchema, setActiveSchema } from "./schema";
import { changeRole, setUserActive } from "./manage";

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
