"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { requestPasswordResetAction } from "@/lib/users/token-actions";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(requestPasswordResetAction, initialFormState);
  if (state.ok) {
    return (
      <div className="mt-6">
        <FormMessage message={state.message} tone="success" />
      </div>
    );
  }
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email ?? email} errors={state.errors?.email} required />
      <FormMessage message={state.message} />
      <SubmitButton size="block" pendingLabel="Sending…">Send the reset link</SubmitButton>
    </form>
  );
}
