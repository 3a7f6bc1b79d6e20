"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/cache";
import type { LintFinding } from "@/lib/configurator";
import type { CaseRun } from "@/lib/catalog/versions/test-cases";
import { getDb } from "@/lib/db";
import { formEntry, formText } from "@/lib/forms/read";
import { DEFINITION_TOO_LARGE, MAX_DEFINITION_BYTES } from "./limits";
import { SAVE_FAILED, type FormState } from "@/lib/forms/state";
import { discardDraft, saveDraft } from "./draft";
import { publishDraft } from "./publish";
import { productDetailsSchema, publishSchema } from "./schema";
import { createProduct, updateProduct } from "./service";
import { imageToDataUrl } from "./upload";

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * Reads the details form. An uploaded image becomes the product's image; with no upload and an empty
 * address, `keepImage` keeps the image uploaded earlier (it is not sent back and forth with the form).
 */
async function readDetails(formData: FormData) {
  const values = {
    name: formText(formData, "name"),
    slug: formText(formData, "slug"),
    summary: formText(formData, "summary"),
    description: formText(formData, "description"),
    imageUrl: formText(formData, "imageUrl"),
  };
  const file = formEntry(formData, "image");
  let imageUrl = values.imageUrl;
  if (file instanceof File && file.size > 0) {
    const stored = await imageToDataUrl(file);
    if (!stored.ok) return { values, parsed: null, errors: { image: [stored.message] } };
    imageUrl = stored.url;
  }
  const keep = !imageUrl && formText(formData, "keepImage") === "1";
  const parsed = productDetailsSchema.safeParse({ ...values, imageUrl });
  if (!parsed.success) return { values, parsed: null, errors: z.flattenError(parsed.error).fieldErrors };
  const { imageUrl: _image, ...rest } = parsed.data;
  return { values, parsed: keep ? rest : parsed.data, errors: null };
}

/** Creates a product (with an empty draft) and opens its editor. */
export async function createProductAction(_: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const { values, parsed, errors } = await readDetails(formData);
  if (!parsed) return { ok: false, errors: errors ?? {}, values };
  let id: string;
  try {
    const result = await createProduct(await getDb(), caller.user, { imageUrl: "", ...parsed });
    if (!result.ok) return { ok: false, errors: result.field ? { [result.field]: [result.message] } : undefined, message: result.message, values };
    id = result.id;
  } catch (error) {
    console.error("create product failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  revalidatePath("/admin/products");
  redirect(`/admin/products/${id}`);
}

/** Saves a product's name, slug, texts and image; the catalog shows them at once. */
export async function updateProductAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!idSchema.safeParse(productId).success) return { ok: false, message: "Unknown product." };
  const { values, parsed, errors } = await readDetails(formData);
  if (!parsed) return { ok: false, errors: errors ?? {}, values };
  try {
    const result = await updateProduct(await getDb(), caller.user, productId, parsed);
    if (!result.ok) return { ok: false, errors: result.field ? { [result.field]: [result.message] } : undefined, message: result.message, values };
    revalidateCatalog(result.slug);
    if (result.previousSlug && result.previousSlug !== result.slug) revalidateCatalog(result.previousSlug);
  } catch (error) {
    console.error("update product failed", error);
    return { ok: false, message: SAVE_FAILED, values };
  }
  revalidatePath(`/admin/products/${productId}`);
  revalidatePath("/admin/products");
  return { ok: true, message: "Product details saved.", values };
}

/** Saves the draft definition; field errors come back keyed by their path in the definition. */
export async function saveDraftAction(productId: string, _: FormState, formData: FormData): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!idSchema.safeParse(productId).success) return { ok: false, message: "Unknown product." };
  const raw = formEntry(formData, "definition");
  if (typeof raw !== "string") return { ok: false, message: "The definition is missing." };
  if (Buffer.byteLength(raw, "utf8") > MAX_DEFINITION_BYTES) return { ok: false, message: DEFINITION_TOO_LARGE };
  // PostgreSQL's jsonb refuses NUL, raw or escaped as \u0000 (an escaped backslash before "u0000" is plain text).
  if (raw.includes("\u0000") || /(^|[^\\])(\\\\)*\\u0000/.test(raw)) {
    return { ok: false, message: "The definition contains an invisible control character (NUL); remove it and save again." };
  }
  try {
    const result = await saveDraft(await getDb(), caller.user, productId, raw);
    if (!result.ok) {
      const errors: Record<string, string[]> = {};
      for (const issue of result.issues) (errors[issue.path] ??= []).push(issue.message);
      return { ok: false, message: result.message, errors };
    }
    revalidatePath(`/admin/products/${productId}`);
    return { ok: true, message: `Draft v${result.version} saved.` };
  } catch (error) {
    console.error("save draft failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}

/** Discards the draft of a product that has a published version. */
export async function discardDraftAction(productId: string, _: FormState): Promise<FormState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  if (!idSchema.safeParse(productId).success) return { ok: false, message: "Unknown product." };
  try {
    const done = await discardDraft(await getDb(), caller.user, productId);
    if (!done) return { ok: false, message: "There is no draft to discard (or nothing published to fall back on)." };
  } catch (error) {
    console.error("discard draft failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
  revalidatePath(`/admin/products/${productId}`);
  return { ok: true, message: "Draft discarded." };
}

export type PublishState = FormState & { findings?: LintFinding[]; testRuns?: CaseRun[] };

/** Lints and publishes the draft, then revalidates the catalog and the product's configurator page. */
export async function publishAction(_: PublishState, formData: FormData): Promise<PublishState> {
  const caller = await authorizeAction("admin");
  if (!caller.ok) return caller.refusal;
  const parsed = publishSchema.safeParse({
    productId: formText(formData, "productId"),
    note: formText(formData, "note"),
    acknowledgeWarnings: formText(formData, "acknowledgeWarnings") === "on",
    revision: formText(formData, "revision"),
    acceptTestResults: formText(formData, "acceptTestResults") === "on",
  });
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, message: "Check the highlighted fields." };
  if (!idSchema.safeParse(parsed.data.productId).success) return { ok: false, message: "Unknown product." };
  try {
    const result = await publishDraft(await getDb(), caller.user, parsed.data);
    if (!result.ok) return { ok: false, message: result.message, findings: result.findings, testRuns: result.testRuns };
    revalidateCatalog(result.slug);
    revalidatePath(`/admin/products/${parsed.data.productId}`);
    revalidatePath("/admin/products");
    const cases = result.testRuns.length
      ? ` ${result.testRuns.length - result.accepted} of ${result.testRuns.length} test case(s) passed${result.accepted ? `; ${result.accepted} now expect the new results` : ""}.`
      : "";
    return { ok: true, message: `Version ${result.version} is published and live in the catalog.${cases}`, testRuns: result.testRuns };
  } catch (error) {
    console.error("publish failed", error);
    return { ok: false, message: SAVE_FAILED };
  }
}
