// Runs once when a server instance starts: approval holds of large orders expire on a timer (fair use); when
// SMTP_URL is set, a worker sends the email outbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/orders/holds")).startHoldExpiry();
  if (!process.env.SMTP_URL) return;
  const { startEmailWorker } = await import("./lib/notifications/worker");
  startEmailWorker(process.env.SMTP_URL, process.env.SMTP_FROM ?? "Atelier <orders@atelier.test>");
}
