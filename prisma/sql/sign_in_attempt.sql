-- Sign-in throttling: the one place these functions are defined (the migration runner applies every file in
-- prisma/sql after the migrations). lib/security/sign-in-throttle.ts calls them and holds the rules.
-- Each key (account + address, address alone, account alone) has a row: `attempts` in the current window,
-- `blocked_until` (no attempt admitted before it) and `expires_at` (after it the row counts as empty).
-- An attempt is admitted and counted in the same statement, BEFORE the password is checked, so a burst of
-- parallel requests cannot all be checked: rows are locked in key order, so concurrent calls serialize.

-- The wait after the n-th counted attempt: none for the first `free - 1`, then base * 2^(n - free), capped.
CREATE OR REPLACE FUNCTION "sign_in_delay"(n integer, free integer, base_ms integer, cap_ms integer) RETURNS interval AS $$
  SELECT CASE WHEN n < free THEN interval '0'
    ELSE least(cap_ms::float8, base_ms * power(2::float8, least(n - free, 40))) * interval '1 millisecond' END;
$$ LANGUAGE sql IMMUTABLE;

-- Admits one attempt for all `keys` at once, or none: returns 0 when admitted (each key counted, its next
-- `blocked_until` set), else the milliseconds until the latest block ends (nothing counted). Array i holds
-- the rule of keys[i]. A refused attempt on a blocked key whose `slide` is set pushes that block to a full
-- wait from now (the key's own door: an attacker hammering it during the wait never reaches the next
-- check; the wait itself does not grow). Keys shared with others (an address, an account) never slide,
-- so nobody can keep them blocked for everyone.
CREATE OR REPLACE FUNCTION "sign_in_attempt"(keys text[], free integer[], base_ms integer[], cap_ms integer[], window_ms integer[], slide boolean[])
RETURNS bigint AS $$
DECLARE
  t timestamptz;
  wait_ms bigint;
BEGIN
  INSERT INTO "sign_in_throttles" ("key", "attempts", "blocked_until", "expires_at")
    SELECT k, 0, '-infinity', '-infinity' FROM unnest(keys) AS k ORDER BY k
    ON CONFLICT ("key") DO NOTHING;
  PERFORM 1 FROM "sign_in_throttles" WHERE "key" = ANY(keys) ORDER BY "key" FOR UPDATE;
  t := clock_timestamp();
  SELECT COALESCE(max(ceil(extract(epoch FROM (s."blocked_until" - t)) * 1000)), 0)::bigint INTO wait_ms
    FROM "sign_in_throttles" s WHERE s."key" = ANY(keys) AND s."expires_at" > t AND s."blocked_until" > t;
  IF wait_ms > 0 THEN
    UPDATE "sign_in_throttles" s SET "blocked_until" = greatest(s."blocked_until", t + "sign_in_delay"(s."attempts", p.free, p.base_ms, p.cap_ms))
      FROM unnest(keys, free, base_ms, cap_ms, slide) AS p(key, free, base_ms, cap_ms, slide)
      WHERE s."key" = p.key AND p.slide AND s."expires_at" > t AND s."blocked_until" > t;
    RETURN wait_ms;
  END IF;
  UPDATE "sign_in_throttles" s SET
      "attempts" = c.n,
      "blocked_until" = t + "sign_in_delay"(c.n, c.free, c.base_ms, c.cap_ms),
      "expires_at" = t + c.window_ms * interval '1 millisecond'
    FROM (SELECT p.key, p.free, p.base_ms, p.cap_ms, p.window_ms,
                 (CASE WHEN x."expires_at" > t THEN x."attempts" ELSE 0 END) + 1 AS n
            FROM unnest(keys, free, base_ms, cap_ms, window_ms) AS p(key, free, base_ms, cap_ms, window_ms)
            JOIN "sign_in_throttles" x ON x."key" = p.key) c
    WHERE s."key" = c.key;
  RETURN 0;
END;
$$ LANGUAGE plpgsql;

-- After a successful sign-in: forgets `clear_key` (the account + address pair) and takes the success back
-- from the other keys (one attempt fewer, the block shortened to what that count gives), so signing in
-- never counts against an address or an account.
CREATE OR REPLACE FUNCTION "sign_in_succeeded"(clear_key text, keys text[], free integer[], base_ms integer[], cap_ms integer[])
RETURNS void AS $$
DECLARE
  t timestamptz;
BEGIN
  PERFORM 1 FROM "sign_in_throttles" WHERE "key" = ANY(keys || clear_key) ORDER BY "key" FOR UPDATE;
  t := clock_timestamp();
  DELETE FROM "sign_in_throttles" WHERE "key" = clear_key;
  UPDATE "sign_in_throttles" s SET
      "attempts" = greatest(s."attempts" - 1, 0),
      "blocked_until" = least(s."blocked_until", t + "sign_in_delay"(s."attempts" - 1, p.free, p.base_ms, p.cap_ms))
    FROM unnest(keys, free, base_ms, cap_ms) AS p(key, free, base_ms, cap_ms)
    WHERE s."key" = p.key AND s."expires_at" > t AND s."attempts" > 0;
END;
$$ LANGUAGE plpgsql;
