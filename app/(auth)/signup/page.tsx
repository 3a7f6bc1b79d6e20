import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

const LINK_PROBLEMS: Record<string, string> = {
  expired: "This confirmation link has expired. Sign up again to get a new one.",
  invalid: "This confirmation link is not valid. Sign up again to get a new one.",
};

type Search = { callbackUrl?: string | string[]; link?: string | string[] };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Sign-up page for customers. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const returnTo = safeCallbackUrl(first(search.callbackUrl));
  const problem = LINK_PROBLEMS[first(search.link) ?? ""];
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p className="mt-1 text-sm text-stone-600">
        Already have one?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-medium text-brand-700 underline">
          Sign in
        </Link>
      </p>
      {problem ? <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p> : null}
      <SignUpForm callbackUrl={returnTo} />
    </div>
  );
}
