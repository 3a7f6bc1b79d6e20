"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { inviteUserAction } from "@/lib/users/manage-actions";

const ROLES = [["CUSTOMER", "Customer"], ["STAFF", "Staff"], ["ADMIN", "Admin"]] as const;

/** The admin's invitation: name, email and role; the invited user gets an email with a link to set a password. */
export function InviteUserForm() {
  const [state, action] = useActionState(inviteUserAction, initialFormState);
  // React resets a form after its action; a select only resets to the choice it was mounted with, so the form is
  // remounted with each answer's values (a role chosen before an error stays chosen), and empty after a success.
  const key = state.ok ? `sent-${state.message}` : JSON.stringify(state.values ?? {});
  const roleError = state.errors?.role;
  return (
    <section aria-labelledby="invite-heading" className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="invite-heading" className="text-lg font-semibold">Invite a user</h2>
      <p className="mt-1 text-sm text-stone-600">They receive an email with a link to choose their password (valid 72 hours).</p>
      <form key={key} action={action} noValidate className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start">
        <Field label="Name" name="name" id="invite-name" autoComplete="off" defaultValue={state.ok ? "" : state.values?.name} errors={state.errors?.name} required />
        <Field label="Email" name="email" id="invite-email" type="email" autoComplete="off" defaultValue={state.ok ? "" : state.values?.email} errors={state.errors?.email} required />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-stone-700">Role</label>
          <select
            id="invite-role"
            name="role"
            defaultValue={state.ok ? "CUSTOMER" : (state.values?.role ?? "CUSTOMER")}
            aria-invalid={roleError?.length ? true : undefined}
            aria-describedby={roleError?.length ? "invite-role-error" : undefined}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
          >
            {ROLES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
          {roleError?.length ? <p id="invite-role-error" className="mt-1 text-sm text-red-600">{roleError.join(" ")}</p> : null}
        </div>
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
        </div>
      </form>
      <div className="mt-3">
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      </div>
    </section>
  );
}
