"use client";

import { useFormStatus } from "react-dom";

const TONES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-stone-300 bg-white text-stone-700 hover:bg-stone-100",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

/** A submit button that says what it is doing while its form is pending. */
export function PendingButton({ children, pendingLabel, tone = "primary", size = "md", name, value }: {
  children: React.ReactNode;
  pendingLabel: string;
  tone?: keyof typeof TONES;
  size?: "sm" | "md";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center gap-2 rounded-md font-medium disabled:cursor-wait disabled:opacity-70 ${TONES[tone]} ${size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-4 py-2 text-sm"}`}
    >
      {pending ? <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
