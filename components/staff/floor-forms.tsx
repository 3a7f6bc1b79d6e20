"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { finishOperationAction, startOperationAction } from "@/lib/production/floor-actions";

/** What the last start or finish said, announced to screen readers. */
function Outcome({ message, ok, id }: { message?: string; ok?: boolean; id?: string }) {
  return (
    <div aria-live="polite" className="text-sm">
      {message ? <p id={id} role={ok ? "status" : "alert"} className={`mt-2 rounded-md px-3 py-2 ${ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}>{message}</p> : null}
    </div>
  );
}

/** A big start button for one operation (a tablet on the shop floor). */
export function StartOperationForm({ operationId, label }: { operationId: string; label: string }) {
  const [state, action] = useActionState(startOperationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="operation" value={operationId} />
      <StartButton label={label} />
      <Outcome message={state.message} ok={state.ok} />
    </form>
  );
}

function StartButton({ label }: { label: string }) {
  return (
    <span className="block [&>button]:min-h-12 [&>button]:w-full [&>button]:px-6 [&>button]:text-base sm:[&>button]:w-auto">
      <SubmitButton pendingLabel="Starting…" tone="primary" ariaLabel={`Start ${label}`}>Start</SubmitButton>
    </span>
  );
}

/** The actual hours and a big finish button for a running operation. */
export function FinishOperationForm({ operationId, label, plannedHours }: { operationId: string; label: string; plannedHours: number }) {
  const [state, action] = useActionState(finishOperationAction, initialFormState);
  const inputId = `hours-${operationId}`;
  const error = state.ok ? undefined : state.errors?.actualHours?.[0] ?? (state.message && state.values ? state.message : undefined);
  return (
    <form action={action} noValidate>
      <input type="hidden" name="operation" value={operationId} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium text-stone-700">Actual hours</label>
          <input
            id={inputId}
            name="actualHours"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={state.values?.actualHours ?? String(plannedHours)}
            aria-invalid={error && state.errors?.actualHours ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            className="mt-1 block min-h-12 w-28 rounded-md border border-stone-300 px-3 text-lg tabular-nums"
          />
        </div>
        <span className="block flex-1 [&>button]:min-h-12 [&>button]:w-full [&>button]:px-6 [&>button]:text-base sm:flex-none sm:[&>button]:w-auto">
          <SubmitButton pendingLabel="Finishing…" tone="success" ariaLabel={`Finish ${label}`}>Finish</SubmitButton>
        </span>
      </div>
      <Outcome message={state.message} ok={state.ok} id={error ? `${inputId}-error` : undefined} />
    </form>
  );
}
