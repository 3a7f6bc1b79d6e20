import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  created: "Your email address is confirmed and your account created. Sign in to continue.",
  used: "This link was already used: your account exists. Sign in to continue.",
  "password-set": "Your new password is saved. Sign in with it.",
};

type Search = { callbackUrl?: string | string[]; email?: string | string[]; confirmed?: string | string[] };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Sign-in page; returns to `callbackUrl` (only on this site) afterwards. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const returnTo = safeCallbackUrl(first(search.callbackUrl));
  const email = (first(search.email) ?? "").slice(0, 254);
  const notice = NOTICES[first(search.confirmed) ?? ""];
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-700 underline">
          Create an account
        </Link>
      </p>
      {notice ? <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{notice}</p> : null}
      <LoginForm callbackUrl={first(search.callbackUrl) ? returnTo : null} email={email} />
      <p className="mt-4 text-sm">
        <Link href={email ? `/forgot-password?${new URLSearchParams({ email })}` : "/forgot-password"} className="font-medium text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </div>
  );
}
