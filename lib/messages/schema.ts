import { z } from "zod";
import { orderNumberSchema } from "@/lib/orders/schema";

/** The longest message, in characters (the database refuses longer ones too: a CHECK in the migration). */
export const MESSAGE_MAX_LENGTH = 2000;

// Control characters other than tab and line breaks have no place in a message (NUL breaks PostgreSQL text).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A message body: plain text, line breaks kept (Windows ones become \n), surrounding blank space dropped. */
export const messageBodySchema = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, "\n").replace(/^\s*\n|\s+$/g, ""))
  .pipe(
    z
      .string()
      .min(1, "Write a message first.")
      .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters; split it in two.`)
      .refine((value) => !CONTROL.test(value), "Remove the invisible control characters from the message."),
  );

/** What the message form sends. */
export const sendMessageSchema = z.object({ orderNumber: orderNumberSchema, body: messageBodySchema });

export type SendMessageInput = z.infer<typeof sendMessageSchema>;
