"use client";

import { useState, useTransition } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { landingPath } from "@/lib/auth/roles";
import { signInWithCredentials, signedInRole } from "@/lib/auth/credentials";
import { formText } from "@/lib/forms/read";

/**
 * Email + password form that signs in through next-auth and shows its message on failure. Without a
 * callbackUrl (null) staff land on the board and admins on the admin home (landingPath).
 */
export function LoginForm({ callbackUrl, email: knownEmail = "" }: { callbackUrl: string | null; email?: string }) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  function submit(formData: FormData) {
    const email = formText(formData, "email", { trim: false });
    const password = formText(formData, "password", { trim: false });
    startTransition(async () => {
      setMessage(undefined);
      const result = await signInWithCredentials(email, password);
      if (!result.ok) {
        setMessage(result.error && result.error !== "CredentialsSignin" ? result.error : "Could not sign in. Try again.");
        return;
      }
      // A same-origin path checked on the server (safeCallbackUrl), joined to this page's origin here.
      const target = landingPath(callbackUrl && callbackUrl !== "/" ? null : await signedInRole(), callbackUrl);
      window.location.assign(new URL(target, window.location.origin).href);
    });
  }

  return (
    <form action={submit} className="mt-6 space-y-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={knownEmail} required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" autoFocus={Boolean(knownEmail)} required />
      <FormMessage message={message} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
