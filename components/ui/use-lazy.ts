"use client";

import { useCallback, useRef, useState } from "react";

export type Lazy<T> = {
  /** The value once loaded (null before, and after a failure). */
  value: T | null;
  /** The value as soon as it has loaded, for event handlers that run before the next render. */
  ref: { readonly current: T | null };
  /** True after the last attempt failed (the next `load` tries again). */
  failed: boolean;
  /** Starts loading on the first call and returns the same promise on later ones; after a failure, tries again. */
  load: () => Promise<T>;
};

/**
 * A value loaded once, on demand: a module's `import()` (the engine, on the first interaction) or a
 * fetch. The failure is logged under `label` and the next `load` tries again; `onLoad` runs once the
 * value has arrived, before the component renders with it.
 */
export function useLazy<T>(loader: () => Promise<T>, label: string, onLoad?: (value: T) => void): Lazy<T> {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const ref = useRef<T | null>(null);
  const loading = useRef<Promise<T> | null>(null);
  const latest = useRef({ loader, onLoad });
  latest.current = { loader, onLoad };
  const load = useCallback(() => {
    loading.current ??= latest.current.loader().then(
      (loaded) => {
        ref.current = loaded;
        setValue(() => loaded);
        setFailed(false);
        latest.current.onLoad?.(loaded);
        return loaded;
      },
      (error: unknown) => {
        loading.current = null;
        setFailed(true);
        console.error(label, error);
        throw error;
      },
    );
    return loading.current;
  }, [label]);
  return { value, ref, failed, load };
}
