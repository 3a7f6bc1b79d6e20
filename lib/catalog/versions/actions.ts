"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/cache";
import { getDb } from "@/lib/db";
import { formText } from "@/lib/forms/read";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { cloneProduct } from "./clone";
import { startDraftFromVersion } from "./rollback";
import { cloneSchema, createTestCaseSchema, deleteTestCaseSchema, entityIdSchema, rollbackSchema, statusChangeSchema, updateTestCaseSchema } from "./schema";
import { changeProductStatus } from "./status";
import { createTestCase, deleteTestCase, updateTestCase } from "./test-case-service";

const UNKNOWN = { ok: false, message: "Unknown product." } as const;
const fieldErrors = (error: z.ZodError) => ({ ok: false, errors: z.flattenError(error).fieldErrors, message: "Check the highlighted fields." });

/** Starts a draft from any version ("roll back"); with `replace`, overwrites a draft that has changes. */
export async function startDraftFromVersionAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const parsed = rollbackSchema.safeParse({ version: formText(formData, "version"), replace: formText(formData, "replace") === "on" });
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const result = await startDraftFromVersion(await getDb(), caller.user, productId, parsed.data.version, parsed.data.replace);
    if (!result.ok) return { ok: false, message: result.message };
    revalidatePath(`/admin/products/${productId}`);
    return { ok: true, message: `Draft v${result.draftVersion} now holds version ${parsed.data.version}. Review it in the editor and publish.` };
  } catch (error) {
    console.error("start draft from version failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}

/** Copies a product under a new name and slug (a draft, not published) and opens it. */
export async function cloneProductAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const values = { name: formText(formData, "name"), slug: formText(formData, "slug") };
  const parsed = cloneSchema.safeParse(values);
  if (!parsed.success) return { ...fieldErrors(parsed.error), values };
  let id: string;
  try {
    const result = await cloneProduct(await getDb(), caller.user, productId, parsed.data);
    if (!result.ok) return { ok: false, errors: result.field ? { [result.field]: [result.message] } : undefined, message: result.message, values };
    id = result.id;
  } catch (error) {
    console.error("clone product failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  revalidatePath("/admin/products");
  redirect(`/admin/products/${id}`);
}

/** Unpublishes, republishes, archives or unarchives a product, and refreshes the catalog. */
export async function changeProductStatusAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const parsed = statusChangeSchema.safeParse({ change: formText(formData, "change") });
  if (!parsed.success) return fieldErrors(parsed.error);
  try {
    const result = await changeProductStatus(await getDb(), caller.user, productId, parsed.data.change);
    if (!result.ok) return { ok: false, message: result.message };
    revalidateCatalog(result.slug);
    revalidatePath(`/admin/products/${productId}`);
    revalidatePath("/admin/products");
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("change product status failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}

/** Saves the previewed configuration as a test case, its current result becoming the expectation. */
export async function createTestCaseAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const values = { name: formText(formData, "name"), quantity: formText(formData, "quantity") };
  const parsed = createTestCaseSchema.safeParse({ ...values, selection: formText(formData, "selection", { trim: false }) });
  if (!parsed.success) return { ...fieldErrors(parsed.error), values };
  try {
    const result = await createTestCase(await getDb(), caller.user, productId, parsed.data);
    if (!result.ok) return { ok: false, errors: result.field ? { [result.field]: [result.message] } : undefined, message: result.message, values };
    revalidatePath(`/admin/products/${productId}`);
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("create test case failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
}

/** Renames a test case or edits its expectations. */
export async function updateTestCaseAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const values = { id: formText(formData, "id"), name: formText(formData, "name"), expectValid: formText(formData, "expectValid"), expectPrice: formText(formData, "expectPrice"), expectLeadDays: formText(formData, "expectLeadDays") };
  const parsed = updateTestCaseSchema.safeParse({ ...values, compareOperations: formText(formData, "compareOperations") === "on" });
  if (!parsed.success) return { ...fieldErrors(parsed.error), values };
  try {
    const { id, expectPrice, ...rest } = parsed.data;
    const result = await updateTestCase(await getDb(), caller.user, productId, id, { ...rest, expectPriceCents: expectPrice });
    if (!result.ok) return { ok: false, errors: result.field ? { [result.field]: [result.message] } : undefined, message: result.message, values };
    revalidatePath(`/admin/products/${productId}`);
    return { ok: true, message: result.message, values };
  } catch (error) {
    console.error("update test case failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
}

/** Deletes a test case. */
export async function deleteTestCaseAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!entityIdSchema.safeParse(productId).success) return UNKNOWN;
  const parsed = deleteTestCaseSchema.safeParse({ id: formText(formData, "id") });
  if (!parsed.success) return { ok: false, message: "Unknown test case." };
  try {
    const result = await deleteTestCase(await getDb(), caller.user, productId, parsed.data.id);
    if (!result.ok) return { ok: false, message: result.message };
    revalidatePath(`/admin/products/${productId}`);
    return { ok: true, message: result.message };
  } catch (error) {
    console.error("delete test case failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}
