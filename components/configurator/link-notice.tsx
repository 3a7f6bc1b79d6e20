"use client";

// What the configurator says after reading a share link: that it was restored, or why it could not be used.
// It is a few hundred bytes: imported with the configurator (loading it through next/dynamic cost about 1.6 KB gzip).

type Props = { notice: string | null; restored: boolean; onDismiss: () => void };

export function LinkNotice({ notice, restored, onDismiss }: Props) {
  return (
    <>
      {notice ? (
        <div role="alert" className="mb-4 flex items-start justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{notice}</p>
          <button type="button" onClick={onDismiss} className="shrink-0 rounded px-2 font-medium hover:bg-amber-100">
            Dismiss
          </button>
        </div>
      ) : null}
      {restored ? (
        <p role="status" className="mb-4 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          Configuration restored from the link.
        </p>
      ) : null}
    </>
  );
}
