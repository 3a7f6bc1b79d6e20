"use client";

import { createContext, useContext, useEffect, useState } from "react";

// Whether the definition editor holds unsaved changes, shared with the publish panel beside it on the product
// page (publishing takes the saved draft, so it waits until the edits are saved).

type DirtyState = { dirty: boolean; setDirty: (dirty: boolean) => void };

const EditorDirty = createContext<DirtyState | null>(null);

/** Wraps the editor and the publish panel of one product page. */
export function EditorDirtyProvider({ children }: { children: React.ReactNode }) {
  const [dirty, setDirty] = useState(false);
  return <EditorDirty.Provider value={{ dirty, setDirty }}>{children}</EditorDirty.Provider>;
}

/** Called by the editor with its dirty flag. */
export function useReportEditorDirty(dirty: boolean): void {
  const setDirty = useContext(EditorDirty)?.setDirty;
  useEffect(() => {
    setDirty?.(dirty);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty?.(false), [setDirty]);
}

/** True while the editor on this page has unsaved changes. */
export function useEditorDirty(): boolean {
  return useContext(EditorDirty)?.dirty ?? false;
}
