"use client";

// What the configurator says after reading a share link: that it was restored, or why it could not be used.
// It is a few hundred bytes: imported with the configurator (loading it through next/dynamic cost about 1.6 KB gzip).

type Props = { notice: string | null; restored: boolean; onDismiss: () => void };

export function LinkNotice({ notice, restored, onDismiss }: Props) {
  return (
    <>
      {notice ? (
        <div role="alert" className="ln-alert">
          <p>{notice}</p>
          <button type="button" onClick={onDismiss} className="ln-dismiss">
            Dismiss
          </button>
        </div>
      ) : null}
      {restored ? (
        <p role="status" className="ln-ok">
          Configuration restored from the link.
        </p>
      ) : null}
    </>
  );
}
