import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { backoffMs, MAX_ATTEMPTS, sendPendingEmails, smtpTransport } from "@/lib/notifications/mailer";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

let t: TestDatabase;
let server: SMTPServer;
let port = 0;
const received: { to: string; body: string }[] = [];
let refuse = false;

beforeAll(async () => {
  t = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        if (refuse) return callback(new Error("451 try again later"));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.drop();
});

describe("email outbox worker (real SMTP server on loopback)", () => {
  it("sends pending messages as text and HTML and marks them sent", async () => {
    await t.prisma.emailOutbox.create({ data: { to: "clara@example.com", subject: "Your order AT-2026-000001 is placed", text: "Hello Clara", html: "<p>Hello Clara</p>" } });
    const result = await sendPendingEmails(t.prisma, smtpTransport(`smtp://127.0.0.1:${port}`), { from: "Atelier <orders@atelier.test>" });
    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe("clara@example.com");
    expect(received[0]!.body).toContain("Subject: Your order AT-2026-000001 is placed");
    expect(received[0]!.body).toContain("Hello Clara");
    // One message with both parts as alternatives: mail programs show the HTML, or the text where HTML is off.
    expect(received[0]!.body).toMatch(/Content-Type: multipart\/alternative;/i);
    expect(received[0]!.body).toMatch(/Content-Type: text\/plain/i);
    expect(received[0]!.body).toContain("text/html");
    const row = await t.prisma.emailOutbox.findFirstOrThrow();
    expect(row.status).toBe("SENT");
    expect(row.sentAt).not.toBeNull();
  });

  it("retries a refused message later with back-off, then gives up after the last attempt", async () => {
    refuse = true;
    const email = await t.prisma.emailOutbox.create({ data: { to: "dev@example.com", subject: "Status", text: "Moved", html: "<p>Moved</p>" } });
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    const t0 = new Date();
    expect(await sendPendingEmails(t.prisma, transport, { from: "a@b.c", now: t0 })).toEqual({ sent: 0, failed: 1 });
    let row = await t.prisma.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toContain("try again later");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    // Not due yet: nothing is tried.
    expect(await sendPendingEmails(t.prisma, transport, { from: "a@b.c", now: new Date(t0.getTime() + 1000) })).toEqual({ sent: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      row = await t.prisma.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
      await sendPendingEmails(t.prisma, transport, { from: "a@b.c", now: row.nextAttemptAt });
    }
    row = await t.prisma.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    refuse = false;
  });
});
