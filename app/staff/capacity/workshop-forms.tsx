"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

// The capacity page's forms (each posts to a server action in lib/workshop/actions.ts).

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const DAYS = [["Mon", "Monday"], ["Tue", "Tuesday"], ["Wed", "Wednesday"], ["Thu", "Thursday"], ["Fri", "Friday"], ["Sat", "Saturday"], ["Sun", "Sunday"]] as const;

/** A work centre's name and hours per weekday: edits an existing centre, or (with `isNew`) adds one with its key. */
export function WorkCentreForm({ action, centre, isNew = false }: { action: Action; centre: { id: string; name: string; weekdayHours: number[] }; isNew?: boolean }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const prefix = isNew ? "new-centre" : `centre-${centre.id}`;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {isNew ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Key" id={`${prefix}-id`} name="id" defaultValue={v.id ?? ""} errors={e.id} maxLength={40} autoCapitalize="none" hint="Short and permanent, e.g. upholstery: routings name it." />
          <Field label="Name" id={`${prefix}-name`} name="name" defaultValue={v.name ?? ""} errors={e.name} maxLength={80} />
        </div>
      ) : (
        <>
          <input type="hidden" name="id" value={centre.id} />
          <Field label="Name" id={`${prefix}-name`} name="name" defaultValue={v.name ?? centre.name} errors={e.name} maxLength={80} />
        </>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-stone-700">Working hours per weekday</legend>
        <div className="mt-1 grid grid-cols-4 gap-2 sm:grid-cols-7">
          {DAYS.map(([short, long], i) => {
            const name = `hours${i}`;
            const id = `${prefix}-${name}`;
            const errors = e[name];
            return (
              <div key={name}>
                <label htmlFor={id} className="block text-xs text-stone-600"><abbr title={long} className="no-underline">{short}</abbr><span className="sr-only"> ({long}) hours</span></label>
                <input
                  id={id}
                  name={name}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={1000}
                  step={0.5}
                  defaultValue={v[name] ?? String(centre.weekdayHours[i] ?? 0)}
                  aria-invalid={errors?.length ? true : undefined}
                  aria-describedby={errors?.length ? `${id}-error` : undefined}
                  className={`mt-0.5 block w-full rounded-md border px-2 py-1.5 text-base tabular-nums sm:text-sm ${errors?.length ? "border-red-500" : "border-stone-300"}`}
                />
                {errors?.length ? <p id={`${id}-error`} className="mt-0.5 text-xs text-red-600">{errors.join(" ")}</p> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton size="sm" pendingLabel="Saving…" ariaLabel={isNew ? undefined : `Save hours of ${centre.name}`}>{isNew ? "Add work centre" : "Save hours"}</SubmitButton>
    </form>
  );
}

/** Sets a work centre's hours on one date: a holiday (0) or overtime; a date that has one already is changed. */
export function ExceptionForm({ action, centre, today }: { action: Action; centre: { id: string; name: string }; today: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const prefix = `exception-${centre.id}`;
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label={`Set the hours of ${centre.name} on a date`}>
      <input type="hidden" name="centre" value={centre.id} />
      <div className="grid gap-2 sm:grid-cols-[auto_7rem_1fr_auto] sm:items-end">
        <Field label="Date" id={`${prefix}-day`} name="day" type="date" min={today} defaultValue={v.day ?? ""} errors={e.day} />
        <Field label="Hours that day" id={`${prefix}-hours`} name="hours" type="number" inputMode="decimal" min={0} max={1000} step={0.5} defaultValue={v.hours ?? "0"} errors={e.hours} />
        <Field label="Note" id={`${prefix}-note`} name="note" defaultValue={v.note ?? ""} errors={e.note} maxLength={120} placeholder="Holiday, overtime…" />
        <div><SubmitButton size="sm" tone="secondary" pendingLabel="Saving…" ariaLabel={`Set date for ${centre.name}`}>Set date</SubmitButton></div>
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}

/** Closes the whole shop from a first to a last day (a holiday). */
export function ClosureForm({ action, today }: { action: Action; today: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label="Add a shop closure">
      <div className="grid gap-2 sm:grid-cols-[1fr_auto_auto_auto] sm:items-end">
        <Field label="Name" id="closure-name" name="name" defaultValue={v.name ?? ""} errors={e.name} maxLength={80} placeholder="Christmas holidays" />
        <Field label="First day" id="closure-first" name="firstDay" type="date" min={today} defaultValue={v.firstDay ?? ""} errors={e.firstDay} />
        <Field label="Last day" id="closure-last" name="lastDay" type="date" min={today} defaultValue={v.lastDay ?? ""} errors={e.lastDay} />
        <div><SubmitButton size="sm" pendingLabel="Saving…">Add closure</SubmitButton></div>
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
