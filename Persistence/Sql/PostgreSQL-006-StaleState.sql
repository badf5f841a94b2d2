-- A state write names the version it read; when another activation wrote first, this raises instead
-- of touching nothing, so the one-round-trip batch of the write (state, events, enlisted rows) fails as
-- a whole in its implicit transaction, with no round trip to look and roll back.
CREATE OR REPLACE FUNCTION stale_grain_state(grain_type text, grain_key text, state_name text) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'state % of %/% was written by another activation', state_name, grain_type, grain_key
        USING ERRCODE = 'AS001';
END
$$;
