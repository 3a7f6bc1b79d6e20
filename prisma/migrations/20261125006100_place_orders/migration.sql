-- Several orders in one statement and one transaction (lib/orders/place-order.ts batches the orders that
-- are ready at the same moment): each one is written by place_order in its own subtransaction, so an order
-- that fails leaves nothing behind and does not affect the others, and they commit together (one commit,
-- one hold of the booked weeks' rows, instead of one each). Returns one result per order, in order: what
-- place_order returned, or {"status": "error", "code": SQLSTATE, "message"} when it raised.
CREATE OR REPLACE FUNCTION "place_orders"(ps jsonb) RETURNS jsonb AS $$
DECLARE
  p jsonb;
  results jsonb := '[]'::jsonb;
  result jsonb;
BEGIN
  FOR p IN SELECT value FROM jsonb_array_elements(ps) LOOP
    BEGIN
      result := "place_order"(p);
    EXCEPTION WHEN OTHERS THEN
      result := jsonb_build_object('status', 'error', 'code', SQLSTATE, 'message', SQLERRM);
    END;
    results := results || jsonb_build_array(result);
  END LOOP;
  RETURN results;
END;
$$ LANGUAGE plpgsql;
