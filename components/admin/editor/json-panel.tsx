"use client";

import { lazy, Suspense, useState } from "react";
import type { Definition } from "@/lib/configurator";

// Loaded the first time the panel is opened (it starts closed), so the editor page ships without it.
const JsonEditor = lazy(() => import("./json-editor").then((m) => ({ default: m.JsonEditor })));

/** Advanced: edit the whole definition as JSON; it is applied to the form, where the schema checks it. */
export function JsonPanel({ definition, onApply }: { definition: Definition; onApply: (d: Definition) => void }) {
  const [text, setText] = useState("");
  const [opened, setOpened] = useState(false);
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open) { setText(JSON.stringify(definition, null, 2)); setOpened(true); } }}>
      <summary className="cursor-pointer font-semibold">Advanced: edit JSON</summary>
      {opened ? (
        <Suspense fallback={<p role="status" className="mt-3 text-sm text-stone-600">Loading…</p>}>
          <JsonEditor text={text} onText={setText} onApply={onApply} />
        </Suspense>
      ) : null}
    </details>
  );
}
