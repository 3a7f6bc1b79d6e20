import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/guards";
import { getDb } from "@/lib/db";
import { findOutbox } from "@/lib/notifications/queries";
import { hidePasswordLinks } from "@/lib/users/tokens";
import { EmailParts } from "./email-parts";

export const metadata: Metadata = { title: "Email outbox" };

const TONE = { PENDING: "bg-amber-50 text-amber-800", SENT: "bg-green-50 text-green-800", FAILED: "bg-red-50 text-red-700" } as const;

/** The emails the app wrote (sent by the worker when SMTP_URL is set), readable in the app. */
export default async function OutboxPage() {
  const viewer = await requireStaff("/staff/outbox");
  const emails = await findOutbox(await getDb());
  return (
    <div>
      <h1 className="text-2xl font-semibold">Email outbox</h1>
      <p className="mt-1 text-sm text-stone-600">
        {process.env.SMTP_URL ? "Messages are sent by the email worker over SMTP." : "SMTP is not configured (SMTP_URL): messages stay here, readable by staff (password links by admins only)."}
      </p>
      {emails.length === 0 ? <p className="mt-6 text-stone-500">No emails yet.</p> : null}
      <ul className="mt-6 space-y-3">
        {emails.map((email) => (
          <li key={email.id} className="rounded-xl border border-stone-200 bg-white p-4">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[email.status]}`}>{email.status.toLowerCase()}</span>
                <span className="font-medium">{email.subject}</span>
                <span className="text-sm text-stone-500">to {email.to} · {email.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
                {email.order ? <Link href={`/staff/orders/${email.order.number}`} className="text-sm text-brand-700 underline">{email.order.number}</Link> : null}
              </summary>
              <EmailParts subject={email.subject} text={viewer.role === "ADMIN" ? email.text : hidePasswordLinks(email.text)} html={email.html === null ? null : viewer.role === "ADMIN" ? email.html : hidePasswordLinks(email.html)} />
              {email.lastError ? <p className="mt-2 text-sm text-red-700">Last error (attempt {email.attempts}): {email.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
