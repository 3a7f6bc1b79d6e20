"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

/** A one-button form (role change, deactivate, clear override) that reports its result beside it. */
export function ActionForm({ action, fields, label, ariaLabel, children, tone }: { action: (s: FormState, f: FormData) => Promise<FormState>; fields: Record<string, string>; label: string; ariaLabel?: string; children?: React.ReactNode; tone?: "danger" }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <SubmitButton size="xs" tone={tone === "danger" ? "outline-danger" : "outline"} pendingLabel="…" ariaLabel={ariaLabel}>{label}</SubmitButton>
      <span aria-live="polite" className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</span>
    </form>
  );
}
