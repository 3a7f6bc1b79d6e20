"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

/** Copies the product under a new name and slug; the copy opens as a draft. */
export function CloneForm({ action, name, slug }: { action: (s: FormState, f: FormData) => Promise<FormState>; name: string; slug: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Clone this product">
      <Field label="Name of the copy" name="name" id="clone-name" required maxLength={120} defaultValue={state.values?.name ?? `${name} (copy)`} errors={state.errors?.name} />
      <Field label="Slug of the copy" name="slug" id="clone-slug" required maxLength={64} defaultValue={state.values?.slug ?? `${slug}-copy`} errors={state.errors?.slug} />
      <SubmitButton tone="secondary" pendingLabel="Cloning…">Clone product</SubmitButton>
      <div className="sm:col-span-3"><FormMessage message={state.ok ? undefined : state.message} /></div>
    </form>
  );
}
