"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { setPasswordAction } from "@/lib/users/token-actions";

/**
 * Choosing a password with an emailed link (a reset or an invitation): errors at each field (strength is
 * judged on the server); on success, the way to sign in with the email filled in.
 */
export function SetPasswordForm({ token, purpose, email, submitLabel }: { token: string; purpose: "RESET" | "INVITE"; email: string; submitLabel: string }) {
  const [state, action] = useActionState(setPasswordAction, initialFormState);

  if (state.ok) {
    const signIn = `/login?${new URLSearchParams({ email: state.values?.email ?? email, confirmed: "password-set" })}`;
    return (
      <div className="mt-6 space-y-4">
        <FormMessage message={state.message} tone="success" />
        <Link href={signIn} className="block w-full rounded-md bg-brand-600 px-4 py-2 text-center font-medium text-white hover:bg-brand-700">
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, hard to guess: a few unrelated words work well."
        errors={state.errors?.password}
        required
      />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" errors={state.errors?.confirmPassword} required />
      <FormMessage message={state.message} />
      <SubmitButton size="block" pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
