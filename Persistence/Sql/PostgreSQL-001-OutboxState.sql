-- Grain state, one row per grain and state name. "version" is the ETag: every write must name the
-- version it read, so two activations of one grain can never both commit.
CREATE TABLE IF NOT EXISTS grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
);

-- The last sequence number of each event stream. Appending locks the stream's row until commit,
-- so sequence numbers become visible in order and without gaps.
CREATE TABLE IF NOT EXISTS event_streams (
    stream_namespace text   NOT NULL,
    stream_key       text   NOT NULL,
    last_sequence    bigint NOT NULL,
    PRIMARY KEY (stream_namespace, stream_key)
);

-- The durable event log (transactional outbox): written in the same transaction as the state.
CREATE TABLE IF NOT EXISTS event_log (
    stream_namespace text        NOT NULL,
    stream_key       text        NOT NULL,
    sequence         bigint      NOT NULL,
    event_type       text        NOT NULL,
    payload          jsonb       NOT NULL,
    grain_type       text        NOT NULL,
    grain_key        text        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_namespace, stream_key, sequence)
);
