import Link from "next/link";

/** From the configurator: keeps the current configuration as a named design (sign-in first when needed). */
export function SaveDesignLink({ slug, code, quantity, disabled }: { slug: string; code: string; quantity: number; disabled?: boolean }) {
  const href = `/account/designs/new?${new URLSearchParams({ product: slug, c: code, ...(quantity > 1 ? { q: String(quantity) } : {}) })}`;
  return (
    <Link
      href={href}
      prefetch={false}
      aria-disabled={disabled || undefined}
      onClick={disabled ? (event) => event.preventDefault() : undefined}
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-lg px-2 py-1 text-sm font-medium text-stone-700 hover:bg-stone-100"
      data-testid="save-design"
    >
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8"><path d="M5 3h10v14l-5-3.5L5 17z" /></svg>
      Save design
    </Link>
  );
}
