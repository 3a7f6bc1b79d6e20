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
      className="sp-act sp-save whitespace-nowrap"
      data-testid="save-design"
    >
      Save design
    </Link>
  );
}
