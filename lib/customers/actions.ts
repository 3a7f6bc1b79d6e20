"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { ADDRESS_FORM_FIELDS, savedAddressIdSchema, savedAddressSchema } from "./address-schema";
import { deleteSavedAddress, saveAddress } from "./addresses";

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

/** Adds an address to the signed-in customer's book, or edits one of theirs (`id` bound by the edit form). */
export async function saveAddressAction(id: string | null, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ADDRESS_FORM_FIELDS, { trim: false });
  if (id !== null && !savedAddressIdSchema.safeParse(id).success) return { message: "This address is not in your address book.", values };
  const parsed = savedAddressSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, message: "Please correct the highlighted fields." };
  try {
    const result = await saveAddress(await getDb(), caller.user.id, parsed.data, id ?? undefined);
    if (!result.ok) return { message: result.message, values };
  } catch (error) {
    console.error("saving an address failed", error);
    return { message: SAVE_FAILED, values };
  }
  revalidatePath("/account/addresses");
  return { ok: true, message: id ? "Address updated." : "Address saved." };
}

/** Deletes one of the signed-in customer's saved addresses. */
export async function deleteAddressAction(id: string, _: FormState, __: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  if (!savedAddressIdSchema.safeParse(id).success) return { message: "This address is not in your address book." };
  try {
    const deleted = await deleteSavedAddress(await getDb(), caller.user.id, id);
    if (!deleted) return { message: "This address is not in your address book." };
  } catch (error) {
    console.error("deleting an address failed", error);
    return { message: SAVE_FAILED };
  }
  revalidatePath("/account/addresses");
  return { ok: true, message: "Address deleted." };
}
