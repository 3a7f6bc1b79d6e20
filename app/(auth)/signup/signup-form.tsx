"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { signUpAction } from "@/lib/users/actions";

/**
 * Sign-up form: errors at each field (the password's strength is judged on the server); on success it says
 * to check the inbox, whatever the address (the emailed link creates the account).
 */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUpAction, initialFormState);

  if (state.ok) {
    return (
      <div className="mt-6">
        <FormMessage message={state.message} tone="success" />
      </div>
    );
  }

  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.errors?.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.errors?.email} required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, hard to guess: a few unrelated words work well."
        errors={state.errors?.password}
        required
      />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" errors={state.errors?.confirmPassword} required />
      <FormMessage message={state.message} />
      <SubmitButton size="block" pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
