import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { getDb } from "@/lib/db";
import { linkProblem } from "@/lib/users/set-password";
import { tokenStatus } from "@/lib/users/tokens";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The emailed reset link: shows the form while the link is good (opening the page does not spend it). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = first((await searchParams).token) ?? "";
  const link = await tokenStatus(await getDb(), token, "RESET");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {link.status === "valid" ? (
        <>
          <p className="mt-1 text-sm text-stone-600">
            For <span className="font-medium text-stone-800">{link.email}</span>. Saving it signs you out on every device.
          </p>
          <SetPasswordForm token={token} purpose="RESET" email={link.email ?? ""} submitLabel="Save new password" />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{linkProblem("RESET", link.status)}</p>
          <p className="mt-4 text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">Ask for a new link</Link>
            <span className="text-stone-500"> · </span>
            <Link href="/login" className="font-medium text-brand-700 underline">Sign in</Link>
          </p>
        </>
      )}
    </div>
  );
}
