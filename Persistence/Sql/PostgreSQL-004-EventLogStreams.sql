-- The event log is the queue of the Orleans stream provider "events". Each property stream belongs to
-- one queue: its partition hash is the first 32 bits of md5("namespace/key"), which .NET computes
-- the same way (EventStream.PartitionHash), so a NOTIFY can be routed without asking the database.
ALTER TABLE event_streams ADD COLUMN IF NOT EXISTS partition_hash int
    GENERATED ALWAYS AS (('x' || substr(md5(stream_namespace || '/' || stream_key), 1, 8))::bit(32)::int) STORED;

-- How far every event of a stream has been delivered to all its consumers, per stream provider:
-- a queue's new owner resumes after these positions (at least once: a consumer may see an event
-- again after a crash, and skips it by its sequence).
CREATE TABLE IF NOT EXISTS stream_positions (
    provider         text   NOT NULL,
    stream_namespace text   NOT NULL,
    stream_key       text   NOT NULL,
    delivered        bigint NOT NULL,
    PRIMARY KEY (provider, stream_namespace, stream_key)
);

-- Events a consumer could not apply after its retries; the stream moved on without them. An operator
-- replays them once the cause is fixed, which sets replayed_at.
CREATE TABLE IF NOT EXISTS dead_letters (
    id               bigserial   PRIMARY KEY,
    consumer         text        NOT NULL,
    stream_namespace text        NOT NULL,
    stream_key       text        NOT NULL,
    sequence         bigint      NOT NULL,
    event_type       text        NOT NULL,
    error            text        NOT NULL,
    attempts         int         NOT NULL,
    failed_at        timestamptz NOT NULL DEFAULT now(),
    replayed_at      timestamptz,
    UNIQUE (consumer, stream_namespace, stream_key, sequence)
);

CREATE INDEX IF NOT EXISTS dead_letters_waiting ON dead_letters (id) WHERE replayed_at IS NULL;
