-- The booking invariant's backstop: no room holds two stays for the same night. The RoomGrain
-- checks this in memory; this constraint holds even if two activations of one room ever both
-- believed they were the only one. Rows are written in the same transaction as the room's state.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE IF NOT EXISTS stays (
    room_key    text        NOT NULL,  -- "org/property/room", the RoomGrain's key
    booking_id  text        NOT NULL,
    nights      daterange   NOT NULL,  -- [check-in, check-out): the nights slept
    kind        text        NOT NULL,  -- Hold, Booked, InHouse, Departed
    hold_until  timestamptz NULL,      -- a hold lapses then; the room deletes the row on its next change
    PRIMARY KEY (room_key, booking_id),
    CONSTRAINT stays_no_double_booking EXCLUDE USING gist (room_key WITH =, nights WITH &&)
);
