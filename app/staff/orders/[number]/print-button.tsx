"use client";

/** Opens the browser's print dialog for the build sheet. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-100">
      Print build sheet
    </button>
  );
}
