"use client";

import { useEffect, useRef, useState } from "react";
import { useLazy } from "@/components/ui/use-lazy";
import type { DefinitionEditorProps } from "./definition-editor";

// The product page's definition: a read-only overview rendered on the server until the admin opens the editor.
// The editor (groups, rules, pricing, routing, the JSON panel and their checks) is most of the page's
// JavaScript, so it loads when asked for, and starts loading as soon as the pointer or the focus reaches the
// button: the page itself stays within the budget every page has (150 KB of JavaScript on first load).

type Props = {
  /** The definition read-only (components/admin/definition-overview), shown until the editor opens. */
  overview: React.ReactNode;
  editor: DefinitionEditorProps;
};

const loadEditor = () => import("./definition-editor").then((m) => m.DefinitionEditor);

/** The overview with an "Edit definition" button, then the editor in its place (see the file's comment). */
export function DefinitionSection({ overview, editor }: Props) {
  const [editing, setEditing] = useState(false);
  const Editor = useLazy(loadEditor, "definition editor");
  const opened = useRef<HTMLDivElement>(null);
  const prefetch = () => void Editor.load().catch(() => undefined);
  const ready = editing && Editor.value !== null;
  // The editor takes the overview's place: the focus goes to it, so a keyboard or screen reader user is there too.
  useEffect(() => {
    if (ready) opened.current?.focus({ preventScroll: true });
  }, [ready]);

  if (ready) {
    const DefinitionEditor = Editor.value!;
    return (
      <div ref={opened} tabIndex={-1} className="outline-none" data-testid="definition-editor">
        <DefinitionEditor {...editor} />
      </div>
    );
  }
  const opening = editing && !Editor.failed;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white p-3">
        <p className="mr-auto text-sm text-stone-700">
          {editor.draftVersion ? `Draft v${editor.draftVersion}, saved.` : "No draft: editing starts one from the published version."} Read-only below; open the editor to change it.
        </p>
        <button
          type="button"
          onPointerEnter={prefetch}
          onFocus={prefetch}
          onClick={() => {
            setEditing(true);
            prefetch();
          }}
          disabled={opening}
          aria-busy={opening || undefined}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-70"
        >
          {opening ? "Opening the editor…" : "Edit definition"}
        </button>
      </div>
      {editing && Editor.failed ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">The editor could not be loaded. Check your connection and press Edit definition again.</p>
      ) : null}
      {overview}
    </div>
  );
}
