-- The conventional design's schema: plain tables, row locks and constraints, no actors.
-- Applied at startup under an advisory lock, idempotently, so several nodes may start at once.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE IF NOT EXISTS bl_organizations (
    id    text PRIMARY KEY,
    name  text NOT NULL,
    plan  text NOT NULL
);

-- last_sequence numbers the property's board events: bumping it locks the row until commit, so
-- events of one property become visible in sequence order and without gaps (what pollers rely on).
CREATE TABLE IF NOT EXISTS bl_properties (
    org            text    NOT NULL REFERENCES bl_organizations (id),
    id             text    NOT NULL,
    name           text    NOT NULL,
    time_zone      text    NOT NULL,
    currency       text    NOT NULL,
    minimum_stay   int     NOT NULL,
    cancellation   jsonb   NOT NULL,
    last_sequence  bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (org, id)
);

CREATE TABLE IF NOT EXISTS bl_room_types (
    org           text           NOT NULL,
    property      text           NOT NULL,
    id            text           NOT NULL,
    name          text           NOT NULL,
    nightly_rate  numeric(12, 2) NOT NULL,
    PRIMARY KEY (org, property, id),
    FOREIGN KEY (org, property) REFERENCES bl_properties (org, id)
);

CREATE TABLE IF NOT EXISTS bl_rate_overrides (
    org        text           NOT NULL,
    property   text           NOT NULL,
    room_type  text           NOT NULL,
    night      date           NOT NULL,
    price      numeric(12, 2) NOT NULL,
    PRIMARY KEY (org, property, room_type, night),
    FOREIGN KEY (org, property, room_type) REFERENCES bl_room_types (org, property, id)
);

-- The room row is what a booking locks (SELECT ... FOR UPDATE) before it checks the calendar.
CREATE TABLE IF NOT EXISTS bl_rooms (
    room_id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org           text    NOT NULL,
    property      text    NOT NULL,
    id            text    NOT NULL,
    name          text    NOT NULL,
    room_type     text    NOT NULL,
    housekeeping  text    NOT NULL DEFAULT 'Clean',
    retired       boolean NOT NULL DEFAULT false,
    UNIQUE (org, property, id),
    FOREIGN KEY (org, property, room_type) REFERENCES bl_room_types (org, property, id)
);

CREATE TABLE IF NOT EXISTS bl_bookings (
    org              text           NOT NULL,
    id               text           NOT NULL,
    room_id          bigint         NOT NULL REFERENCES bl_rooms (room_id),
    property         text           NOT NULL,
    room             text           NOT NULL,
    room_type        text           NOT NULL,
    check_in         date           NOT NULL,
    check_out        date           NOT NULL,
    guest_name       text           NOT NULL,
    guest_email      text           NOT NULL,
    status           text           NOT NULL,
    nights           jsonb          NOT NULL,
    total            numeric(12, 2) NOT NULL,
    currency         text           NOT NULL,
    hold_expires_at  timestamptz    NULL,
    cancellation     jsonb          NOT NULL,
    created_at       timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (org, id)
);

-- The same backstop as the platform's stays table: no room holds two stays for one night.
CREATE TABLE IF NOT EXISTS bl_stays (
    room_id     bigint      NOT NULL REFERENCES bl_rooms (room_id),
    booking_id  text        NOT NULL,
    nights      daterange   NOT NULL,
    kind        text        NOT NULL,  -- Hold, Booked, InHouse, Departed
    hold_until  timestamptz NULL,      -- a hold lapses then and stops blocking the room
    PRIMARY KEY (room_id, booking_id),
    CONSTRAINT bl_stays_no_double_booking EXCLUDE USING gist (room_id WITH =, nights WITH &&)
);

-- Board events, written in the booking's transaction and polled by every node.
CREATE TABLE IF NOT EXISTS bl_events (
    org          text        NOT NULL,
    property     text        NOT NULL,
    sequence     bigint      NOT NULL,
    event_type   text        NOT NULL,
    payload      jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org, property, sequence)
);
