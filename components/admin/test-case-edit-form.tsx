"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Props = {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  testCase: { id: string; name: string; expectValid: boolean; expectPriceCents: number; expectLeadDays: number; comparesOperations: boolean };
};

/** Renames a saved test case or corrects what it expects. */
export function TestCaseEditForm({ action, testCase: c }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const id = (name: string) => `tc-${c.id}-${name}`;
  return (
    <form action={formAction} className="mt-2 grid gap-3 sm:grid-cols-2" aria-label={`Edit test case ${c.name}`}>
      <input type="hidden" name="id" value={c.id} />
      <Field label="Name" name="name" id={id("name")} required maxLength={120} defaultValue={v?.name ?? c.name} errors={state.errors?.name} />
      <div>
        <label htmlFor={id("valid")} className="block text-sm font-medium text-stone-700">Expected validity</label>
        <select id={id("valid")} name="expectValid" defaultValue={v?.expectValid ?? (c.expectValid ? "valid" : "invalid")} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm">
          <option value="valid">Valid</option>
          <option value="invalid">Invalid</option>
        </select>
      </div>
      <Field label="Expected price" name="expectPrice" id={id("price")} inputMode="decimal" required defaultValue={v?.expectPrice ?? (c.expectPriceCents / 100).toFixed(2)} errors={state.errors?.expectPrice} />
      <Field label="Expected lead days" name="expectLeadDays" id={id("days")} inputMode="numeric" required defaultValue={v?.expectLeadDays ?? String(c.expectLeadDays)} errors={state.errors?.expectLeadDays} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="compareOperations" defaultChecked={c.comparesOperations} disabled={!c.comparesOperations} className="h-4 w-4" />
        Compare the hours per operation{c.comparesOperations ? "" : " (not saved for this case)"}
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton size="sm" pendingLabel="Saving…">Save test case</SubmitButton>
        <div className="grow"><FormMessage message={state.message} tone={state.ok ? "success" : "error"} /></div>
      </div>
    </form>
  );
}
