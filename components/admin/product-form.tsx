"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/state";

type Values = { name: string; slug: string; summary: string; description: string; imageUrl: string };

/** Create or edit a product's own fields (name, slug, texts, image). */
export function ProductForm({ action, initial, submitLabel }: { action: (s: FormState, f: FormData) => Promise<FormState>; initial: Values; submitLabel: string }) {
  const [state, formAction] = useActionState(action, {} as FormState);
  // An uploaded image (a data URL) is shown, not put in the address box; the server keeps it unless replaced.
  const uploaded = initial.imageUrl.startsWith("data:") ? initial.imageUrl : null;
  const v = { ...initial, ...(uploaded ? { imageUrl: "" } : {}), ...state.values };
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" defaultValue={v.name} errors={e.name} required maxLength={120} key={`name-${v.name}`} />
        <Field label="Slug" name="slug" defaultValue={v.slug} errors={e.slug} required maxLength={64} hint="The address: /products/your-slug" key={`slug-${v.slug}`} />
      </div>
      <Field label="Summary" name="summary" defaultValue={v.summary} errors={e.summary} maxLength={300} key={`summary-${v.summary}`} />
      <div>
        <label htmlFor="description" className="block text-sm font-medium text-stone-700">Description</label>
        <textarea id="description" name="description" defaultValue={v.description} rows={4} maxLength={5000} aria-describedby={e.description ? "description-error" : undefined} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" key={`d-${v.description}`} />
        {e.description ? <p id="description-error" className="mt-1 text-sm text-red-600">{e.description.join(" ")}</p> : null}
      </div>
      {uploaded ? (
        <div className="flex items-center gap-3 text-sm text-stone-700">
          <img src={uploaded} alt="Current product image" className="h-16 w-20 rounded border border-stone-200 object-contain" />
          <p>Uploaded image in use. Upload another or type an address to replace it.</p>
          <input type="hidden" name="keepImage" value="1" />
        </div>
      ) : v.imageUrl ? (
        <img src={v.imageUrl} alt="Current product image" className="h-16 w-20 rounded border border-stone-200 object-contain" />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Image address" name="imageUrl" defaultValue={v.imageUrl} errors={e.imageUrl} hint="/products/desk.svg or https://…" key={`img-${v.imageUrl}`} />
        <Field label="Or upload an image" name="image" type="file" accept="image/png,image/jpeg,image/webp" errors={e.image} hint="PNG, JPEG or WebP, up to 1 MB" />
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
