"use client";

import { useState, type ReactNode } from "react";

/** The schema's messages at one path; `under` says whether any issue lies at or below a path (for pages of options). */
export type ErrorsAt = ((path: string) => string[]) & { under?: (prefix: string) => boolean };

const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_-]/g, "-") || "root"}`;
const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-2 py-1.5 text-base sm:text-sm ${invalid ? "border-red-500" : "border-stone-300"}`;

type Base = { label: string; path: string; errorsAt: ErrorsAt; hint?: string; className?: string };

function Wrapper({ label, path, errors, hint, className, children }: { label: string; path: string; errors: string[]; hint?: string; className?: string; children: ReactNode }) {
  const id = fieldId(path);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-stone-700">{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-0.5 text-xs text-stone-500">{hint}</p> : null}
      {errors.length ? <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}

function describedBy(path: string, errors: string[], hint?: string) {
  const id = fieldId(path);
  return [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A text input bound to one path of the definition, showing the schema's errors for that path. */
export function TextInput({ value, onChange, maxLength, ...base }: Base & { value: string | undefined; onChange: (v: string) => void; maxLength?: number }) {
  const errors = base.errorsAt(base.path);
  return (
    <Wrapper {...base} errors={errors}>
      <input id={fieldId(base.path)} type="text" value={value ?? ""} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(base.path, errors, base.hint)} className={inputClass(errors.length > 0)} />
    </Wrapper>
  );
}

/**
 * An id that other parts of the definition refer to: the new id is applied when the admin leaves the box
 * (or presses Enter), so the references follow the finished id and not every keystroke. `onCommit`
 * returns why it refused the id (then the box goes back to the current id and says why), or null.
 */
export function IdInput({ value, onCommit, ...base }: Base & { value: string; onCommit: (next: string) => string | null }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const errors = [...(refusal ? [refusal] : []), ...base.errorsAt(base.path)];
  const commit = () => {
    // Leaving the box untouched (it shows the current, valid id again) clears an earlier refusal.
    if (draft === null) return setRefusal(null);
    setDraft(null);
    setRefusal(draft === value ? null : onCommit(draft.trim()));
  };
  return (
    <Wrapper {...base} errors={errors}>
      <input
        id={fieldId(base.path)}
        type="text"
        value={draft ?? value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(base.path, errors, base.hint)}
        className={inputClass(errors.length > 0)}
      />
    </Wrapper>
  );
}

/** A number input; an empty box becomes NaN so the schema reports it at the field. */
export function NumberInput({ value, onChange, step, ...base }: Base & { value: number | undefined; onChange: (v: number | undefined) => void; step?: number | "any"; optional?: boolean }) {
  const errors = base.errorsAt(base.path);
  const { optional, ...rest } = base as Base & { optional?: boolean };
  return (
    <Wrapper {...rest} errors={errors}>
      <input
        id={fieldId(base.path)}
        type="number"
        inputMode="decimal"
        step={step ?? "any"}
        value={value === undefined || Number.isNaN(value) ? "" : value}
        onChange={(e) => onChange(e.target.value === "" ? (optional ? undefined : Number.NaN) : Number(e.target.value))}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(base.path, errors, base.hint)}
        className={inputClass(errors.length > 0)}
      />
    </Wrapper>
  );
}

/** Money entered in currency units (12.50) and stored in integer cents. */
export function MoneyInput({ value, onChange, ...base }: Base & { value: number | undefined; onChange: (cents: number | undefined) => void; optional?: boolean }) {
  return (
    <NumberInput
      {...base}
      step={0.01}
      value={value === undefined || Number.isNaN(value) ? value : value / 100}
      onChange={(v) => onChange(v === undefined || Number.isNaN(v) ? v : Math.round(v * 100))}
    />
  );
}

/** A select bound to one path. */
export function SelectInput({ value, onChange, options, ...base }: Base & { value: string | undefined; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const errors = base.errorsAt(base.path);
  return (
    <Wrapper {...base} errors={errors}>
      <select id={fieldId(base.path)} value={value ?? ""} onChange={(e) => onChange(e.target.value)} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy(base.path, errors, base.hint)} className={inputClass(errors.length > 0)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Wrapper>
  );
}

/** A checkbox bound to one path. */
export function CheckboxInput({ checked, onChange, label, path }: { checked: boolean; onChange: (v: boolean) => void; label: string; path: string }) {
  return (
    <label htmlFor={fieldId(path)} className="flex items-center gap-2 text-sm">
      <input id={fieldId(path)} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4" />
      {label}
    </label>
  );
}

/** Errors of a path that has no input of its own (a whole group, rule or condition). */
export function PathErrors({ path, errorsAt }: { path: string; errorsAt: ErrorsAt }) {
  const errors = errorsAt(path);
  return errors.length ? <p className="text-sm text-red-700" role="note">{errors.join(" ")}</p> : null;
}

/** Small icon-like text button (move, remove). */
export function SmallButton({ onClick, children, label, disabled, tone }: { onClick: () => void; children: ReactNode; label?: string; disabled?: boolean; tone?: "danger" }) {
  return (
    <button type="button" onClick={onClick} aria-label={label} title={label} disabled={disabled} className={`rounded border px-2 py-1 text-xs disabled:opacity-40 ${tone === "danger" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-stone-300 text-stone-700 hover:bg-stone-100"}`}>
      {children}
    </button>
  );
}
