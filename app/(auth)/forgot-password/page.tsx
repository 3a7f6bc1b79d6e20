import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** "Forgot your password?": an emailed link (valid one hour) to choose a new one. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const email = (first((await searchParams).email) ?? "").slice(0, 254);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 text-sm text-stone-600">
        Enter the email address of your account and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm email={email} />
      <p className="mt-6 text-sm text-stone-600">
        Remembered it?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">Sign in</Link>
      </p>
    </div>
  );
}
