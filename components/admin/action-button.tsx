"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/state";

/** A one-button form (role change, deactivate, clear override) that reports its result beside it. */
export function ActionForm({ action, fields, label, ariaLabel, children, tone }: { action: (s: FormState, f: FormData) => Promise<FormState>; fields: Record<string, string>; label: string; ariaLabel?: string; children?: React.ReactNode; tone?: "danger" }) {
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <button type="submit" disabled={pending} aria-label={ariaLabel} className={`rounded-md border px-2.5 py-1 text-xs font-medium disabled:opacity-60 ${tone === "danger" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-stone-300 text-stone-800 hover:bg-stone-100"}`}>
        {pending ? "…" : label}
      </button>
      <span aria-live="polite" className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</span>
    </form>
  );
}
