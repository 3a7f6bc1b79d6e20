/** The one result shape every form action returns. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** Echo of the submitted values (never passwords) so nothing typed is lost on an error. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

/** What a form shows when saving failed on the server's side (the error itself is logged). */
export const SAVE_FAILED = "Something went wrong on our side. Nothing was saved; please try again.";
