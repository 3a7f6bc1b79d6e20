import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

/** Sign-up page for customers. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackUrl(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p className="mt-1 text-sm text-stone-600">
        Already have one?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
      <SignUpForm callbackUrl={returnTo} />
    </div>
  );
}
