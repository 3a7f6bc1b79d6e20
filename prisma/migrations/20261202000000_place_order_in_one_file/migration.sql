-- Order placement is one transaction (lib/orders/place-order.ts): read_capacity and place_order are now
-- defined in prisma/sql/place_order.sql, applied by the migration runner after the migrations. Orders are no
-- longer written in batches.
DROP FUNCTION IF EXISTS "place_orders"(jsonb);
