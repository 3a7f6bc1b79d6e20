// Runs once when a server instance starts: when SMTP_URL is set, a worker sends the email outbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { startEmailWorker } = await import("./lib/notifications/worker");
  startEmailWorker(process.env.SMTP_URL, process.env.SMTP_FROM ?? "Atelier <orders@atelier.test>");
}
