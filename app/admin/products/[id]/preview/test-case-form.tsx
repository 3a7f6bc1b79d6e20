"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Selection } from "@/lib/configurator";
import { initialFormState, type FormState } from "@/lib/forms/state";

export type TestCaseFormProps = {
  /** The configuration on screen when the form is sent (kept by the preview as the configurator changes). */
  current: { readonly current: { selection: Selection; quantity: number } };
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** Names the configuration on screen and saves it as a test case (loaded when the admin opens it: ./save-test-case). */
export function TestCaseForm({ current, action }: TestCaseFormProps) {
  const [state, formAction] = useActionState(action, initialFormState);
  const name = useRef<HTMLDivElement>(null);
  useEffect(() => name.current?.querySelector("input")?.focus(), []);
  // The configuration is read when the form is sent, so it is the one on screen then.
  const send = (formData: FormData) => {
    formData.set("selection", JSON.stringify(current.current.selection));
    formData.set("quantity", String(current.current.quantity));
    formAction(formData);
  };
  return (
    <form action={send} className="mt-3" aria-labelledby="save-case-title">
      <div ref={name} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field label="Test case name" name="name" id="test-case-name" required maxLength={120} defaultValue={state.ok ? "" : state.values?.name} key={state.ok ? state.message : "editing"} errors={state.errors?.name ?? state.errors?.selection} />
        <SubmitButton pendingLabel="Saving…">Save as test case</SubmitButton>
      </div>
      <div className="mt-2"><FormMessage message={state.message} tone={state.ok ? "success" : "error"} /></div>
    </form>
  );
}
