"use client";

/** Shown when an admin page fails: a way to retry instead of a stack trace. */
export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h1 className="text-lg font-semibold text-red-900">This admin page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-800">Nothing was changed. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm text-white">Try again</button>
    </div>
  );
}
