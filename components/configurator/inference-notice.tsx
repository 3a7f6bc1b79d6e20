"use client";

import type { Inferred } from "./queued-changes";

// What the engine added to a choice ("Power supply: 24 V added because Motor: Quiet needs it"), with the
// rule's words and an Undo that puts back the selection from before. Shown in the group of the choice; it
// loads with the engine (./configurator-engine), as only the engine infers.

type Props = { inferred: Inferred; onUndo: () => void; onDismiss: () => void };

export function InferenceNotice({ inferred, onUndo, onDismiss }: Props) {
  return (
    <div role="status" className="mt-3 flex flex-wrap items-start justify-between gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <div className="min-w-0">
        <p className="font-medium">{inferred.notice}</p>
        {inferred.messages.map((m) => (
          <p key={m} className="text-xs text-sky-900">{m}</p>
        ))}
      </div>
      <div className="flex shrink-0 gap-1">
        <button type="button" onClick={onUndo} className="rounded-md border border-sky-300 bg-white px-2 py-1 text-xs font-semibold text-sky-900 hover:bg-sky-100">
          Undo
        </button>
        <button type="button" onClick={onDismiss} className="rounded-md px-2 py-1 text-xs font-medium text-sky-900 hover:bg-sky-100">
          Dismiss
        </button>
      </div>
    </div>
  );
}
