import { getDb } from "@/lib/db";
import { sendPendingEmails, smtpTransport } from "./mailer";

/** Polls the outbox every few seconds and sends what is due (never blocks a request). */
export function startEmailWorker(url: string, from: string, everyMs = 5_000) {
  const transport = smtpTransport(url);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendPendingEmails(await getDb(), transport, { from });
    } catch (error) {
      console.error("email worker: could not read the outbox", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
}
