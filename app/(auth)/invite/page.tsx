import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { getDb } from "@/lib/db";
import { linkProblem } from "@/lib/users/set-password";
import { tokenStatus } from "@/lib/users/tokens";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The emailed invitation: the invited user chooses their password (opening the page does not spend the link). */
export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = first((await searchParams).token) ?? "";
  const link = await tokenStatus(await getDb(), token, "INVITE");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Welcome: choose your password</h1>
      {link.status === "valid" ? (
        <>
          <p className="mt-1 text-sm text-stone-600">
            Your account is <span className="font-medium text-stone-800">{link.email}</span>. Choose a password to sign in with.
          </p>
          <SetPasswordForm token={token} purpose="INVITE" email={link.email ?? ""} submitLabel="Set password" />
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{linkProblem("INVITE", link.status)}</p>
          <p className="mt-4 text-sm">
            <Link href="/login" className="font-medium text-brand-700 underline">Sign in</Link>
          </p>
        </>
      )}
    </div>
  );
}
