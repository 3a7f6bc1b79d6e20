"use client";

/** Shown when a staff page fails to load: a retry, never a stack trace. */
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Production data could not be loaded</h1>
      <p className="mt-2 text-stone-600">
        Please try again in a moment.
        {error.digest ? <span className="block text-xs text-stone-400">Reference: {error.digest}</span> : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">Try again</button>
    </div>
  );
}
