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
      className="sp-act whitespace-nowrap"
      data-testid="save-design"
    >
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8"><path d="M5 3h10v14l-5-3.5L5 17z" /></svg>
      Save design
    </Link>
  );
}
