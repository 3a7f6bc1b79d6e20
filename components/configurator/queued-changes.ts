import type { Definition, Selection } from "@/lib/configurator";
import { inferFor } from "@/lib/configurator/evaluate/fix";
import { tidySelection } from "@/lib/configurator/view";

// Changes a visitor makes before the engine has loaded: shown at once on their controls, and applied in
// order when the engine arrives, each normalized (and completed by inference) as it would have been had the
// engine been there.

/**
 * One change of the selection; `tidy` drops what it hid (choices), numbers and texts are kept as typed.
 * `choice` names the option chosen, so what it needs can be added (inference).
 */
export type QueuedChange = { next: (current: Selection) => Selection; tidy: boolean; choice?: { group: string; option: string } };

/** What the engine added to a choice, with the selection before it (for Undo). */
export type Inferred = { group: string; notice: string; messages: string[]; previous: Selection };

/** Applies one change: the option chosen plus what its requires rules need where exactly one choice does. */
export function applyChange(definition: Definition, current: Selection, change: QueuedChange): { selection: Selection; inferred: Inferred | null } {
  if (change.choice) {
    const choice = inferFor(definition, current, change.choice.group, change.choice.option);
    if (choice) {
      return {
        selection: tidySelection(definition, choice.selection),
        inferred: { group: change.choice.group, notice: choice.notice, messages: [...new Set(choice.added.map((a) => a.message))], previous: current },
      };
    }
  }
  return { selection: change.tidy ? tidySelection(definition, change.next(current)) : change.next(current), inferred: null };
}

/** The selection after the queued changes, starting from the last normalized one (and what the last change added). */
export function replayChanges(definition: Definition, from: Selection, changes: QueuedChange[]): Selection {
  return replayWithInference(definition, from, changes).selection;
}

/** replayChanges, with what the last change's inference added (null when nothing). */
export function replayWithInference(definition: Definition, from: Selection, changes: QueuedChange[]): { selection: Selection; inferred: Inferred | null } {
  return changes.reduce<{ selection: Selection; inferred: Inferred | null }>((state, change) => applyChange(definition, state.selection, change), { selection: from, inferred: null });
}
