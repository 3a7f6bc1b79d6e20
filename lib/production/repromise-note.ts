/** The note a re-promise writes on the order's timeline ("Re-promised for 14 Jan 2027 (was 24 Dec 2026): ..."). */
export function repromiseNote(date: string, was: string, note: string): string {
  return `Re-promised for ${date} (was ${was})${note ? `: ${note}` : ""}`;
}

/** Whether an order event is a re-promise (the customer's page shows the latest one beside the date). */
export function isRepromiseNote(note: string): boolean {
  return note.startsWith("Re-promised for ");
}
