import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { InviteUserForm } from "@/components/admin/invite-user-form";
import { requireAdmin } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import { changeRoleAction, resendInviteAction, setUserActiveAction } from "@/lib/users/manage-actions";
import { findUsers, USERS_PAGE_SIZE } from "@/lib/users/queries";
import { roles, userSearchSchema } from "@/lib/users/schema";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABELS = { CUSTOMER: "Customer", STAFF: "Staff", ADMIN: "Admin" } as const;

/** Users: invite, search, change role, deactivate or reactivate (never oneself), re-send an invitation. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireAdmin("/admin/users");
  const raw = await searchParams;
  const search = userSearchSchema.parse({ q: raw.q ?? "", role: raw.role || undefined, status: raw.status || undefined, page: raw.page ?? 1 });
  const { rows, total } = await findUsers(await getDb(), search);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const pageHref = (page: number) => `/admin/users?${new URLSearchParams({ q: search.q, role: search.role ?? "", status: search.status ?? "", page: String(page) })}`;
  return (
    <div>
      <h1 className="text-2xl font-semibold">Users</h1>
      <InviteUserForm />
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3">
        <div><label htmlFor="q" className="block text-xs font-medium text-stone-700">Name or email</label><input id="q" name="q" defaultValue={search.q} className="mt-1 rounded-md border border-stone-300 px-2 py-1.5 text-base sm:text-sm" /></div>
        <div><label htmlFor="role" className="block text-xs font-medium text-stone-700">Role</label><select id="role" name="role" defaultValue={search.role ?? ""} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"><option value="">All</option>{roles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}</select></div>
        <div><label htmlFor="status" className="block text-xs font-medium text-stone-700">Status</label><select id="status" name="status" defaultValue={search.status ?? ""} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"><option value="">All</option><option value="active">Active</option><option value="inactive">Deactivated</option></select></div>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">Search</button>
      </form>
      <p className="mt-3 text-sm text-stone-600">{total} user(s)</p>
      <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr><th scope="col" className="px-3 py-2">User</th><th scope="col" className="px-3 py-2">Role</th><th scope="col" className="px-3 py-2">Status</th><th scope="col" className="px-3 py-2 text-right">Orders</th><th scope="col" className="px-3 py-2">Joined</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((u) => {
              const self = u.id === me.id;
              return (
                <tr key={u.id}>
                  <td className="px-3 py-2"><div className="font-medium">{u.name}{self ? " (you)" : ""}</div><div className="text-xs text-stone-500">{u.email}</div></td>
                  <td className="px-3 py-2">
                    {self ? ROLE_LABELS[u.role] : (
                      <ActionForm action={changeRoleAction} fields={{ userId: u.id }} label="Save" ariaLabel={`Save role of ${u.email}`}>
                        <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.email}</label>
                        <select id={`role-${u.id}`} name="role" defaultValue={u.role} className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm">
                          {roles.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
                        </select>
                      </ActionForm>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`mr-2 rounded px-2 py-0.5 text-xs ${u.active ? "bg-green-100 text-green-900" : "bg-stone-200 text-stone-800"}`}>{u.active ? "Active" : "Deactivated"}</span>
                    {self ? null : u.active
                      ? <ActionForm action={setUserActiveAction} fields={{ userId: u.id, active: "false" }} label="Deactivate" ariaLabel={`Deactivate ${u.email}`} tone="danger" />
                      : <ActionForm action={setUserActiveAction} fields={{ userId: u.id, active: "true" }} label="Reactivate" ariaLabel={`Reactivate ${u.email}`} />}
                    {u.invited ? (
                      <div className="mt-1 flex flex-wrap items-center gap-2">
                        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Invited, no password yet</span>
                        {u.active ? <ActionForm action={resendInviteAction} fields={{ userId: u.id }} label="Resend invitation" ariaLabel={`Resend invitation to ${u.email}`} /> : null}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right">{u.orders}</td>
                  <td className="px-3 py-2">{formatDate(u.createdAt)}</td>
                </tr>
              );
            })}
            {rows.length === 0 ? <tr><td colSpan={5} className="px-3 py-6 text-center text-stone-600">No users match.</td></tr> : null}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
          {search.page > 1 ? <Link href={pageHref(search.page - 1)} className="text-brand-700 underline">Previous</Link> : null}
          <span>Page {search.page} of {pages}</span>
          {search.page < pages ? <Link href={pageHref(search.page + 1)} className="text-brand-700 underline">Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
