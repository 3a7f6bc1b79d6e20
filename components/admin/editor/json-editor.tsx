"use client";

import { useState } from "react";
import type { Definition } from "@/lib/configurator";
import { readPastedDefinition } from "@/lib/catalog/editor/limits";

/**
 * The JSON text of the definition and the button that applies it to the form, where the schema checks it.
 * Sizes are checked first (bytes, groups, options per group, rules): JSON over a limit is refused with a
 * message and never reaches the form, which would otherwise try to draw every option.
 */
export function JsonEditor({ text, onText, onApply }: { text: string; onText: (text: string) => void; onApply: (d: Definition) => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <label htmlFor="definition-json" className="mt-3 block text-sm text-stone-700">Definition JSON (preview layers are edited here)</label>
      <textarea id="definition-json" value={text} onChange={(e) => onText(e.target.value)} rows={18} spellCheck={false} aria-describedby={error ? "definition-json-error" : undefined} className="mt-1 block w-full rounded-md border border-stone-300 font-mono text-xs" />
      {error ? <p id="definition-json-error" role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
      <button type="button" className="mt-2 rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100" onClick={() => {
        const pasted = readPastedDefinition(text);
        if (!pasted.ok) {
          setError(pasted.message);
          return;
        }
        const value = pasted.value;
        if (!value || typeof value !== "object" || Array.isArray(value) || !Array.isArray((value as Definition).groups) || !Array.isArray((value as Definition).rules)) {
          setError("The JSON must be an object with groups and rules arrays.");
          return;
        }
        setError(null);
        onApply(value as Definition);
      }}>Apply JSON to the form</button>
    </>
  );
}
