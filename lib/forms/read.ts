// Reading submitted forms: every action takes its text fields through here, so a missing field or a file
// sent where text belongs reads as "" everywhere. Pure: the browser's forms use it too.

/**
 * One submitted value of a form, or null when missing. A server action can be called with any argument
 * (a hand-made request decodes to a number, a string, null...): what is not a form reads as an empty one.
 */
export function formEntry(formData: FormData, name: string): FormDataEntryValue | null {
  return formData instanceof FormData ? formData.get(name) : null;
}

/** One text field of a form, trimmed unless `trim: false`; "" when missing or not text. */
export function formText(formData: FormData, name: string, { trim = true } = {}): string {
  const value = formEntry(formData, name);
  if (typeof value !== "string") return "";
  return trim ? value.trim() : value;
}

/** Several text fields at once, keyed by name (see formText). */
export function formTexts<const K extends string>(formData: FormData, names: readonly K[], options?: { trim?: boolean }): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, formText(formData, name, options)])) as Record<K, string>;
}
