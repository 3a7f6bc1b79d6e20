/** Footer shown on every page. */
export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-stone-500 sm:flex-row sm:justify-between sm:px-6">
        <p>Atelier: every piece is made after you order it.</p>
        <p>Prices include the customization premium. Delivery dates follow the workshop&apos;s real load.</p>
      </div>
    </footer>
  );
}
