"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizeAction } from "@/lib/auth/guards";
import { decodeSelection } from "@/lib/configurator";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { designIdSchema, designNameSchema, saveDesignSchema } from "./schema";
import { deleteDesign, renameDesign, saveDesign } from "./service";

const NOT_YOURS = "This design is not among your saved designs.";

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

/** Saves the configuration from the configurator under a name, then opens the list of saved designs. */
export async function saveDesignAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["slug", "configuration", "quantity", "name"], { trim: false });
  const parsed = saveDesignSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error.issues), values, message: "Please correct the highlighted fields." };
  const decoded = decodeSelection(parsed.data.configuration);
  if (!decoded.ok) return { message: decoded.message, values };
  let id: string;
  try {
    const result = await saveDesign(await getDb(), caller.user.id, { slug: parsed.data.slug, selection: decoded.selection, quantity: parsed.data.quantity, name: parsed.data.name });
    if (!result.ok) return { message: result.message, values, errors: result.field ? { [result.field]: [result.message] } : undefined };
    id = result.id;
  } catch (error) {
    console.error("saving a design failed", error);
    return { message: SAVE_FAILED, values };
  }
  revalidatePath("/account/designs");
  redirect(`/account/designs?saved=${id}`);
}

/** Renames one of the signed-in customer's designs. */
export async function renameDesignAction(id: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  const values = formTexts(formData, ["name"], { trim: false });
  if (!designIdSchema.safeParse(id).success) return { message: NOT_YOURS, values };
  const name = designNameSchema.safeParse(values.name);
  if (!name.success) return { errors: { name: name.error.issues.map((i) => i.message) }, values };
  try {
    if (!(await renameDesign(await getDb(), caller.user.id, id, name.data))) return { message: NOT_YOURS, values };
  } catch (error) {
    console.error("renaming a design failed", error);
    return { message: SAVE_FAILED, values };
  }
  revalidatePath("/account/designs");
  return { ok: true, message: "Renamed." };
}

/** Deletes one of the signed-in customer's designs, then opens the list. */
export async function deleteDesignAction(id: string, _: FormState, __: FormData): Promise<FormState> {
  const caller = await authorizeAction("user");
  if (!caller.ok) return caller.refusal;
  if (!designIdSchema.safeParse(id).success) return { message: NOT_YOURS };
  try {
    if (!(await deleteDesign(await getDb(), caller.user.id, id))) return { message: NOT_YOURS };
  } catch (error) {
    console.error("deleting a design failed", error);
    return { message: SAVE_FAILED };
  }
  revalidatePath("/account/designs");
  redirect("/account/designs?deleted=1");
}
