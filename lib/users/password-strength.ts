import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

// How guessable a new password is, by zxcvbn (common passwords, keyboard rows, repeats, dates, l33t...), on
// the server only: its dictionaries are large, so the sign-up page ships a length hint, never this module.

/** The lowest zxcvbn score (0-4) accepted: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_SCORE = 3;

const WARNINGS: Record<string, string> = {
  straightRow: "Rows of keys on the keyboard are easy to guess.",
  keyPattern: "Short keyboard patterns are easy to guess.",
  simpleRepeat: "Repeated characters like \"aaa\" are easy to guess.",
  extendedRepeat: "Repeated patterns like \"abcabcabc\" are easy to guess.",
  sequences: "Sequences like \"abc\" or \"6543\" are easy to guess.",
  recentYears: "Recent years are easy to guess.",
  dates: "Dates are easy to guess.",
  topTen: "This is one of the most used passwords.",
  topHundred: "This is a very commonly used password.",
  common: "This is a commonly used password.",
  similarToCommon: "This is too close to a commonly used password.",
  wordByItself: "A single word is easy to guess.",
  namesByThemselves: "Names on their own are easy to guess.",
  commonNames: "Common names are easy to guess.",
  userInputs: "Don't use your name or email address in your password.",
};

let checker: ZxcvbnFactory | null = null;

/** Null when `password` is hard enough to guess, else what to tell the user (shown on the password field). */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  // zxcvbn's time grows with length; past 100 characters a password is long enough to judge by its start.
  const result = checker.check(password.slice(0, 100), userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  return `This password is too easy to guess.${why ? ` ${why}` : ""} Add a few more words or characters.`;
}
