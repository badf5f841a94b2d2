-- Cluster membership, as Orleans' membership protocol keeps it: one row per silo incarnation, and
-- a table version bumped by every change, so every silo can tell whether its view is current.
CREATE TABLE IF NOT EXISTS silos (
    silo_id        text        PRIMARY KEY,
    host           text        NOT NULL,
    port           int         NOT NULL,
    hosts_grains   boolean     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('active', 'leaving', 'dead', 'left')),
    started_at     timestamptz NOT NULL DEFAULT now(),
    last_heartbeat timestamptz NOT NULL DEFAULT now(),
    declared_by    text
);

CREATE TABLE IF NOT EXISTS membership_version (
    id      int    PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);

INSERT INTO membership_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
