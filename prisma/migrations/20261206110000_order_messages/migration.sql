-- Messages on an order between its customer and the workshop (lib/messages).

-- CreateEnum
CREATE TYPE "MessageSide" AS ENUM ('CUSTOMER', 'STAFF');

-- CreateTable
CREATE TABLE "order_messages" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "side" "MessageSide" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "order_messages_pkey" PRIMARY KEY ("id"),
    -- The backstop of the form's validation: a message is 1 to 2000 characters.
    CONSTRAINT "order_messages_body_length" CHECK (char_length("body") BETWEEN 1 AND 2000)
);

-- CreateIndex
CREATE INDEX "order_messages_order_id_created_at_idx" ON "order_messages"("order_id", "created_at");

-- CreateIndex
CREATE INDEX "order_messages_side_read_at_idx" ON "order_messages"("side", "read_at");

-- AddForeignKey
ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Live: a new message is announced on the channel of order events (lib/notifications/live.ts), so the order's
-- pages and the staff board refresh as they do when the order moves. "to" is MESSAGE (not a status).
CREATE OR REPLACE FUNCTION "notify_order_message"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('atelier_order_events', json_build_object(
    'orderId', NEW."order_id", 'eventId', NEW."id", 'from', NULL, 'to', 'MESSAGE'
  )::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "order_messages_notify"
  AFTER INSERT ON "order_messages"
  FOR EACH ROW EXECUTE FUNCTION "notify_order_message"();
