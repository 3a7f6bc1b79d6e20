/** Shown while the checkout recomputes the configuration, price and promise. */
export default function CheckoutLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-stone-500">
      <span className="h-5 w-5 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" aria-hidden />
      Preparing your order…
    </div>
  );
}
