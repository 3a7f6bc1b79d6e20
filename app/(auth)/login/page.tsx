import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/** Sign-in page; returns to `callbackUrl` afterwards. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackUrl(callbackUrl);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
      <LoginForm callbackUrl={returnTo} />
    </div>
  );
}
