"use client";

import { useFormStatus } from "react-dom";

const TONES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-stone-300 bg-white text-stone-700 hover:bg-stone-100",
  danger: "bg-red-600 text-white hover:bg-red-700",
  success: "bg-green-700 text-white hover:bg-green-800",
  outline: "border border-stone-300 text-stone-800 hover:bg-stone-100",
  "outline-danger": "border border-red-300 text-red-700 hover:bg-red-50",
} as const;

const SIZES = { xs: "px-2.5 py-1 text-xs", sm: "px-2.5 py-1.5 text-xs", md: "px-4 py-2 text-sm", block: "w-full px-4 py-2" } as const;

/** A form's submit button: disabled while its form is pending, and saying what it is doing meanwhile. */
export function SubmitButton({ children, pendingLabel, tone = "primary", size = "md", name, value, ariaLabel, disabled = false }: {
  children: React.ReactNode;
  pendingLabel: string;
  tone?: keyof typeof TONES;
  /** `block` spans the form's width (sign-up, checkout); `xs` is the one-line admin forms' size. */
  size?: keyof typeof SIZES;
  name?: string;
  value?: string;
  ariaLabel?: string;
  /** Disabled for a reason of the form's own (e.g. problems to fix first), pending or not. */
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      aria-label={ariaLabel}
      className={`inline-flex items-center justify-center gap-2 rounded-md font-medium ${pending ? "cursor-wait opacity-70" : "disabled:cursor-not-allowed disabled:opacity-50"} ${TONES[tone]} ${SIZES[size]}`}
    >
      {pending && size !== "xs" ? <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
