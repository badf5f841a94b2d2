-- The stays the property figures are computed from, one row each, written in the same transaction
-- as the figures consumer's state: a booking writes its own row, not the property's whole history.
CREATE TABLE IF NOT EXISTS figures_stays (
    figures_key   text    NOT NULL,  -- "org/property", the PropertyFiguresGrain's key
    booking_id    text    NOT NULL,
    room_id       text    NOT NULL,  -- empty for stays kept before rooms were recorded
    check_in      date    NOT NULL,
    check_out     date    NOT NULL,
    nights_booked int     NOT NULL,  -- the nights the total was agreed for
    total         numeric NOT NULL,
    stage         text    NOT NULL,  -- Held, Confirmed, InHouse, Departed
    PRIMARY KEY (figures_key, booking_id)
);
