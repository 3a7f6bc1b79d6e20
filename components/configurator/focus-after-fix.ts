// Where focus goes after a one-click fix: its button disappears with the problem it fixed, and focus would
// fall back to the page. Once the fixed option can be chosen (the engine may still be loading), focus goes to
// the first problem left (a field marked invalid, else the summary's list), or to the fixed option itself.

const WAIT_MS = 3000;

/** Moves focus after a fix for the option input `optionInputId`. */
export function focusAfterFix(optionInputId: string): void {
  const started = performance.now();
  const step = () => {
    const option = document.getElementById(optionInputId) as HTMLInputElement | null;
    const busy = document.querySelector('#summary[aria-busy="true"]');
    if ((option?.disabled || busy) && performance.now() - started < WAIT_MS) {
      requestAnimationFrame(step);
      return;
    }
    const invalid = document.querySelector<HTMLElement>('[data-engine] [aria-invalid="true"]');
    const problems = document.querySelector<HTMLElement>('[data-testid="problems"]');
    const target = invalid ?? problems ?? (option && !option.disabled ? option : null);
    if (!target) return;
    if (target === problems) problems.tabIndex = -1;
    target.focus();
  };
  requestAnimationFrame(step);
}
