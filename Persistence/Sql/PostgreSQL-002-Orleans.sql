-- Tables and query texts for Orleans' ADO.NET providers (clustering, reminders, grain storage).
--
-- Orleans never creates tables: at start-up each provider runs `SELECT QueryKey, QueryText FROM
-- OrleansQuery` and from then on executes only those texts, binding parameters by name (@Name) and
-- reading result columns by name. The query keys, parameter names and result column names below
-- are therefore Orleans' contract and must not be renamed; the tables behind them are ours.
-- Query texts are cached by each provider: a changed text takes effect at the next silo start.
--
-- Parameter types as the providers bind them: strings as text, ports/generation/status/versions
-- and the uniform hashes as int4 (the hashes are uint32 cast to int32, so they can be negative),
-- times as UTC timestamps (timestamptz here), reminder periods as int4 or int8 milliseconds,
-- grain state as bytea.

-- The providers' query catalogue. Unquoted, so PostgreSQL stores it as orleansquery, which is
-- exactly what the providers' own unquoted SELECT resolves to.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

------------------------------------------------------------------------------------------------
-- Clustering (Microsoft.Orleans.Clustering.AdoNet)
------------------------------------------------------------------------------------------------

-- One row per deployment (Orleans' ClusterId): the membership table version. Every insert or
-- update of a silo row must name the version it read and moves it on by one, so two silos acting
-- on the same view cannot both win.
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        PRIMARY KEY,
    version       int         NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation). Status is Orleans' SiloStatus
-- (3 = Active, 6 = Dead). suspect_times is Orleans' own "silo,time|silo,time" text, kept as is.
CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            int         NOT NULL,
    generation      int         NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          int         NOT NULL,
    proxy_port      int,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Creates the version row once; 1 if this call created it, 0 if it was there already.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::int FROM created
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Inserts a silo row and bumps the version in one statement. The version row is locked first
-- (FOR UPDATE), so racing joins queue behind each other; after the wait the row is re-checked
-- against @Version, which the winner has moved on, so the losers insert nothing. Returns 1 on
-- success, 0 when the version was stale or the silo row already existed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH current_version AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, updated_at = now()
    FROM inserted
    WHERE v.deployment_id = inserted.deployment_id AND v.version = @Version
    RETURNING v.version
)
SELECT count(*)::int FROM bumped
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Updates a silo row (status, suspicions, I-am-alive) under the same version rule as the insert.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH current_version AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM current_version
    WHERE m.deployment_id = current_version.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, updated_at = now()
    FROM updated
    WHERE v.deployment_id = updated.deployment_id AND v.version = @Version
    RETURNING v.version
)
SELECT count(*)::int FROM bumped
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The heartbeat. Deliberately outside the version protocol: it changes no one's view.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Reads start from the version row and outer-join the silos, so the table version comes back
-- even when no silo row matches (silo columns NULL): the provider takes the version from row one.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Gateways for clients: active silos (@Status = 3) that accept client connections.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Drops a whole deployment; the silo rows follow the version row (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removes dead silos (status 6) not heard from since @IAmAliveTime. Only dead rows: a live silo
-- that is merely late must stay for the failure detector to judge.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The per-silo form Orleans 10.4 prefers when present: it has already picked the row (dead, old,
-- no recent suspicion) from a read, so this deletes it only if it is still that dead incarnation
-- and has not been heard from since. @SuspectTimes is not compared: Orleans re-formats it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6 AND start_time = @StartTime AND i_am_alive_time <= @IAmAliveTime
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

------------------------------------------------------------------------------------------------
-- Reminders (Microsoft.Orleans.Reminders.AdoNet)
------------------------------------------------------------------------------------------------

-- One row per grain and reminder name. grain_hash is Orleans' uniform hash of the grain id as
-- the provider sends it (uint32 cast to int4); the reminder service asks for ranges of it, and
-- chooses range 1 or 2 by comparing the bounds as signed ints, so the ranges below compare
-- signed as well. period is in milliseconds (bigint: periods beyond 24.8 days overflow int4).
CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    int         NOT NULL,
    version       int         NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

-- Insert or replace; the new version is the reminder's ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS "Version"
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Range 1, used when @BeginHash < @EndHash: the half-open ring segment (begin, end].
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Range 2, used when @BeginHash >= @EndHash: the segment wraps past the top of the ring.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Deletes only the version the caller holds; 1 if deleted, 0 if the ETag was stale or gone.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT count(*)::int FROM deleted
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

------------------------------------------------------------------------------------------------
-- Grain state (Microsoft.Orleans.Persistence.AdoNet)
------------------------------------------------------------------------------------------------

-- One row per service, state and grain key, with a real primary key (Orleans' reference table
-- has none). state_name is what the provider binds as @GrainTypeString: the name given to
-- [PersistentState] (generic arity stripped). Orleans does NOT bind the grain type, so two grain
-- classes using the same state name and key meet here unless the silo qualifies the state name
-- with the grain type before it reaches the provider.
-- The grain key arrives split: Guid keys as n0/n1, integer keys as n1, string keys (and key
-- extensions) as grain_id_extension. String keys that parse as hexadecimal integers arrive as
-- integers ("123" as n1 = 0x123), so grain_id_extension is '' for them.
-- payload is the state as JSON (the silo uses the System.Text.Json grain storage serializer), so
-- a DBA can read and query it; NULL after a clear. version is the ETag (int4, as Orleans parses it).
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id         text        NOT NULL,
    state_name         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NOT NULL,
    payload            jsonb,
    version            int         NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- First write (@GrainStateVersion NULL) inserts version 1; later writes must name the current
-- version. Returns the new version, or NULL when the ETag did not match (or a racing first write
-- won), which the provider turns into InconsistentStateException. The bytes are decoded to jsonb
-- here, so a payload that is not UTF-8 JSON is refused rather than stored unreadable.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''),
           convert_from(@PayloadBinary, 'UTF8')::jsonb, 1
    WHERE @GrainStateVersion::int IS NULL
    ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension) DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleans_grain_state
    SET payload = convert_from(@PayloadBinary, 'UTF8')::jsonb, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated LIMIT 1) AS "NewGrainStateVersion"
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- No row: the grain starts from its default state. A cleared row returns a NULL payload and its
-- version, so the next write still carries the right ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear keeps the row (payload NULL) and moves the version on, so a stale activation that still
-- holds the old ETag cannot write the state back.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Only used with DeleteStateOnClear = true: removes the row. Returns the deleted version + 1
-- (Orleans only checks that it differs from the ETag it sent), NULL on an ETag mismatch.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$q$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
