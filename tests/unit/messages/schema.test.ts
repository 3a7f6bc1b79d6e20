import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_LENGTH, messageBodySchema, sendMessageSchema } from "@/lib/messages/schema";

describe("message body validation", () => {
  it("keeps line breaks (Windows ones become \\n) and drops surrounding blank space", () => {
    expect(messageBodySchema.parse("\n  \nHello,\r\n\r\nline two  \n")).toBe("Hello,\n\nline two");
  });

  it("refuses an empty, too long or control-character message with a clear message", () => {
    expect(messageBodySchema.safeParse("   \n ").error?.issues[0]?.message).toBe("Write a message first.");
    expect(messageBodySchema.safeParse("x".repeat(MESSAGE_MAX_LENGTH)).success).toBe(true);
    expect(messageBodySchema.safeParse("x".repeat(MESSAGE_MAX_LENGTH + 1)).error?.issues[0]?.message).toMatch(/at most 2000 characters/);
    expect(messageBodySchema.safeParse("a\u0000b").error?.issues[0]?.message).toMatch(/control characters/);
  });

  it("refuses a malformed order number", () => {
    expect(sendMessageSchema.safeParse({ orderNumber: "../x", body: "hi" }).success).toBe(false);
  });
});
