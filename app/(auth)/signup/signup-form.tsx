"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInWithCredentials } from "@/lib/auth/credentials";
import { initialFormState } from "@/lib/forms/state";
import { signUpAction } from "@/lib/users/actions";

/** Sign-up form: errors at each field; on success it signs in and goes on. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signUpAction, initialFormState);
  // React resets the form after the action, so keep the password typed for the automatic sign-in.
  const password = useRef("");

  useEffect(() => {
    if (!state.ok || !state.values?.email) return;
    void signInWithCredentials(state.values.email, password.current).then((result) =>
      window.location.assign(result.ok ? callbackUrl : "/login"),
    );
  }, [state, callbackUrl]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        password.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="mt-6 space-y-4"
      noValidate
    >
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.errors?.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.errors?.email} required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, with letters and a digit."
        errors={state.errors?.password}
        required
      />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" errors={state.errors?.confirmPassword} required />
      <FormMessage message={state.ok ? "Account created. Signing you in…" : state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton size="block" pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
