"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveDesignAction } from "@/lib/designs/actions";
import type { FormState } from "@/lib/forms/state";

/** Names and saves a configuration; the server re-checks it and prices it. */
export function SaveDesignForm({ slug, configuration, quantity, defaultName, maxName }: { slug: string; configuration: string; quantity: number; defaultName: string; maxName: number }) {
  const [state, action] = useActionState<FormState, FormData>(saveDesignAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="configuration" value={configuration} />
      <input type="hidden" name="quantity" value={String(quantity)} />
      <Field label="Name of this design" name="name" defaultValue={state.values?.name ?? defaultName} maxLength={maxName} errors={state.errors?.name} hint={`Up to ${maxName} characters.`} required autoFocus />
      <FormMessage message={state.ok ? undefined : state.message} />
      <SubmitButton pendingLabel="Saving…">Save design</SubmitButton>
    </form>
  );
}
