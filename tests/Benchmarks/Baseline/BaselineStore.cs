using System.Text.Json;
using Actors.Api.Boards;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.State;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// The conventional design's data access, as a good team writes it: every request is one short
/// transaction, statements batched into as few round trips as the logic allows, the room row
/// locked before its calendar is checked, and the database's constraints as the backstop.
/// </summary>
public sealed class BaselineStore(NpgsqlDataSource db, TimeProvider time, IOptions<BaselineOptions> options)
{
    // Locks the room, then (in the same round trip) reads what blocks the stay and the nightly prices.
    private const string LockRoom = """
        SELECT r.room_id, r.room_type, r.housekeeping, r.retired, t.nightly_rate, p.currency, p.time_zone, p.minimum_stay, p.cancellation::text
        FROM bl_rooms r
        JOIN bl_room_types t ON t.org = r.org AND t.property = r.property AND t.id = r.room_type
        JOIN bl_properties p ON p.org = r.org AND p.id = r.property
        WHERE r.org = $1 AND r.property = $2 AND r.id = $3
        FOR UPDATE OF r
        """;

    // A lapsed hold no longer blocks the room; it is deleted so the exclusion constraint lets the new stay in.
    private const string FindClash = """
        WITH lapsed AS (
            DELETE FROM bl_stays s USING bl_rooms r
            WHERE r.org = $1 AND r.property = $2 AND r.id = $3 AND s.room_id = r.room_id
              AND s.kind = 'Hold' AND s.hold_until <= now() AND s.nights && daterange($4, $5))
        SELECT s.booking_id FROM bl_stays s JOIN bl_rooms r ON r.room_id = s.room_id
        WHERE r.org = $1 AND r.property = $2 AND r.id = $3 AND s.nights && daterange($4, $5)
          AND (s.kind <> 'Hold' OR s.hold_until > now())
        LIMIT 1
        """;

    private const string NightPrices = """
        SELECT n.night::date, o.price
        FROM generate_series($4::date, $5::date - 1, interval '1 day') AS n (night)
        LEFT JOIN bl_rate_overrides o ON o.org = $1 AND o.property = $2 AND o.night = n.night::date
          AND o.room_type = (SELECT room_type FROM bl_rooms WHERE org = $1 AND property = $2 AND id = $3)
        ORDER BY n.night
        """;

    private const string InsertStay = "INSERT INTO bl_stays (room_id, booking_id, nights, kind, hold_until) VALUES ($1, $2, daterange($3, $4), 'Hold', $5)";

    private const string InsertBooking = """
        INSERT INTO bl_bookings (org, id, room_id, property, room, room_type, check_in, check_out, guest_name, guest_email,
                                 status, nights, total, currency, hold_expires_at, cancellation)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16::jsonb)
        """;

    // Last in the transaction, so the property's row (which orders its events) is locked as briefly as possible.
    private const string AppendEvent = """
        WITH next AS (UPDATE bl_properties SET last_sequence = last_sequence + 1 WHERE org = $1 AND id = $2 RETURNING last_sequence)
        INSERT INTO bl_events (org, property, sequence, event_type, payload) SELECT $1, $2, last_sequence, $3, $4::jsonb FROM next
        """;

    // Rooms of the property minus those with a live stay over the nights, by room type, with the price of every night: one query.
    private const string Availability = """
        WITH free AS (
            SELECT r.room_type, count(*)::int AS free_rooms
            FROM bl_rooms r
            WHERE r.org = $1 AND r.property = $2 AND NOT r.retired AND r.housekeeping <> 'OutOfOrder'
              AND NOT EXISTS (
                  SELECT 1 FROM bl_stays s
                  WHERE s.room_id = r.room_id AND s.nights && daterange($3, $4) AND (s.kind <> 'Hold' OR s.hold_until > now()))
            GROUP BY r.room_type)
        SELECT p.currency, p.time_zone, p.minimum_stay, t.id, t.name, coalesce(f.free_rooms, 0), n.night::date, coalesce(o.price, t.nightly_rate)
        FROM bl_properties p
        LEFT JOIN bl_room_types t ON t.org = p.org AND t.property = p.id
        LEFT JOIN free f ON f.room_type = t.id
        CROSS JOIN generate_series($3::date, $4::date - 1, interval '1 day') AS n (night)
        LEFT JOIN bl_rate_overrides o ON o.org = t.org AND o.property = t.property AND o.room_type = t.id AND o.night = n.night::date
        WHERE p.org = $1 AND p.id = $2
        ORDER BY t.id, n.night
        """;

    private const string ReadEvents = """
        SELECT sequence, event_type, payload::text, recorded_at FROM bl_events
        WHERE org = $1 AND property = $2 AND sequence > $3 ORDER BY sequence LIMIT $4
        """;

    // Every watched board in one query: what each node's poller runs every PollInterval.
    private const string ReadWatched = """
        SELECT e.org, e.property, e.sequence, e.event_type, e.payload::text, e.recorded_at
        FROM unnest($1::text[], $2::text[], $3::bigint[]) AS w (org, property, after)
        JOIN bl_events e ON e.org = w.org AND e.property = w.property AND e.sequence > w.after
        ORDER BY e.org, e.property, e.sequence
        LIMIT 5000
        """;

    public async Task ApplySchemaAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(BaselineStore).Assembly.GetManifestResourceStream(typeof(BaselineStore).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("Baseline-001-Schema.sql", StringComparison.Ordinal)))!;
        var schema = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Nodes starting together would race on CREATE ... IF NOT EXISTS; the lock makes them take turns.
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7007001)", connection, transaction))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(schema, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CreateOrganizationAsync(string org, CreateOrganization command, CancellationToken cancellationToken)
    {
        await using var insert = db.CreateCommand("INSERT INTO bl_organizations (id, name, plan) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING");
        Add(insert.Parameters, org, command.Name, command.Plan.ToString());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ConflictException($"Organization '{org}' already exists.");
        }
    }

    public async Task CreatePropertyAsync(string org, string property, CreateProperty command, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var settings = command.Settings;
        batch.BatchCommands.Add(Statement(
            "INSERT INTO bl_properties (org, id, name, time_zone, currency, minimum_stay, cancellation) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
            org, property, settings.Name, settings.TimeZone, settings.Currency, settings.MinimumStay, Json(settings.Cancellation)));
        foreach (var type in command.RoomTypes)
        {
            batch.BatchCommands.Add(Statement(
                "INSERT INTO bl_room_types (org, property, id, name, nightly_rate) VALUES ($1, $2, $3, $4, $5)", org, property, type.Id, type.Name, type.NightlyRate));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new NotFoundException($"Organization '{org}' does not exist.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"Property '{property}' already exists.");
        }
    }

    public async Task AddRoomAsync(string org, string property, NewRoom room, CancellationToken cancellationToken)
    {
        await using var insert = db.CreateCommand("INSERT INTO bl_rooms (org, property, id, name, room_type) VALUES ($1, $2, $3, $4, $5)");
        Add(insert.Parameters, org, property, room.Id, room.Name, room.RoomType);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new NotFoundException($"Property '{property}' or room type '{room.RoomType}' does not exist.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConflictException($"Room '{room.Id}' already exists.");
        }
    }

    /// <summary>Holds a room: lock the room row, check its calendar, insert the stay, the booking and its event; one transaction.</summary>
    public async Task<BookingView> HoldAsync(string org, string bookingId, HoldBooking command, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var roomId = command.RoomId ?? await PickFreeRoomAsync(connection, transaction, org, command, cancellationToken);

        // Round trip 1: lock, clash, prices. The statements run in order, so the clash check runs under the lock.
        await using var check = new NpgsqlBatch(connection, transaction);
        object[] stay = [org, command.PropertyId, roomId, command.CheckIn, command.CheckOut];
        check.BatchCommands.Add(Statement(LockRoom, stay[..3]));
        check.BatchCommands.Add(Statement(FindClash, stay));
        check.BatchCommands.Add(Statement(NightPrices, stay));
        RoomRow? room = null;
        string? clash = null;
        var nights = new List<NightPrice>();
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                room = new RoomRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetDecimal(4),
                    reader.GetString(5), reader.GetString(6), reader.GetInt32(7), JsonSerializer.Deserialize<CancellationPolicy>(reader.GetString(8), GrainJson.Options)!);
            }

            await reader.NextResultAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                clash = reader.GetString(0);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                nights.Add(new NightPrice(reader.GetFieldValue<DateOnly>(0), reader.IsDBNull(1) ? room?.NightlyRate ?? 0 : reader.GetDecimal(1)));
            }
        }

        if (room is null)
        {
            throw new NotFoundException($"Room '{roomId}' does not exist in property '{command.PropertyId}'.");
        }

        if (clash == bookingId)
        {
            // The same Idempotency-Key again: answer with the booking made the first time.
            await transaction.RollbackAsync(cancellationToken);
            return await GetBookingAsync(org, bookingId, cancellationToken);
        }

        CheckStay(command.CheckIn, command.CheckOut, room.TimeZone, room.MinimumStay);
        if (room.Retired || room.Housekeeping == nameof(Housekeeping.OutOfOrder))
        {
            throw new RoomUnavailableException($"Room '{roomId}' is {(room.Retired ? "retired" : "out of order")}.");
        }

        if (clash is not null)
        {
            throw new RoomUnavailableException($"Room '{roomId}' is already taken for some nights from {command.CheckIn:yyyy-MM-dd} to {command.CheckOut:yyyy-MM-dd}.");
        }

        var now = time.GetUtcNow();
        var expiresAt = now + options.Value.HoldTimeout;
        var view = new BookingView(
            bookingId, command.PropertyId, roomId, room.RoomType, command.CheckIn, command.CheckOut, command.Guest, BookingStatus.Held,
            nights, nights.Sum(n => n.Price), room.Currency, expiresAt, room.Cancellation, CancellationFee: null);
        var held = new BookingHeld(bookingId, command.PropertyId, roomId, command.CheckIn, command.CheckOut, command.Guest.Name, view.Total, view.Currency, expiresAt);

        // Round trip 2: the stay (the exclusion constraint checks it again), the booking, the event.
        await using var write = new NpgsqlBatch(connection, transaction);
        write.BatchCommands.Add(Statement(InsertStay, room.RoomId, bookingId, command.CheckIn, command.CheckOut, expiresAt + options.Value.RoomHoldGrace));
        write.BatchCommands.Add(Statement(
            InsertBooking, org, bookingId, room.RoomId, command.PropertyId, roomId, room.RoomType, command.CheckIn, command.CheckOut,
            command.Guest.Name, command.Guest.Email, nameof(BookingStatus.Held), Json(nights), view.Total, view.Currency, expiresAt, Json(room.Cancellation)));
        write.BatchCommands.Add(Statement(AppendEvent, org, command.PropertyId, nameof(BookingHeld), Json(held)));
        try
        {
            await write.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken); // round trip 3
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            throw new RoomUnavailableException($"Room '{roomId}' is already taken for some nights from {command.CheckIn:yyyy-MM-dd} to {command.CheckOut:yyyy-MM-dd}.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // A concurrent retry with the same Idempotency-Key committed first.
            return await GetBookingAsync(org, bookingId, cancellationToken);
        }

        return view;
    }

    public async Task<AvailabilityView> SearchAsync(string org, string property, DateOnly checkIn, DateOnly checkOut, CancellationToken cancellationToken)
    {
        await using var search = db.CreateCommand(Availability);
        Add(search.Parameters, org, property, checkIn, checkOut);
        string? currency = null;
        var types = new List<(string Id, string Name, int Free, List<NightPrice> Nights)>();
        await using (var reader = await search.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (currency is null)
                {
                    currency = reader.GetString(0);
                    CheckStay(checkIn, checkOut, reader.GetString(1), reader.GetInt32(2));
                }

                if (reader.IsDBNull(3))
                {
                    continue;
                }

                var type = reader.GetString(3);
                if (types.Count == 0 || types[^1].Id != type)
                {
                    types.Add((type, reader.GetString(4), reader.GetInt32(5), []));
                }

                types[^1].Nights.Add(new NightPrice(reader.GetFieldValue<DateOnly>(6), reader.GetDecimal(7)));
            }
        }

        if (currency is null)
        {
            throw new NotFoundException($"Property '{property}' does not exist.");
        }

        return new AvailabilityView(
            property,
            checkIn,
            checkOut,
            currency,
            [.. types.Select(t => new RoomTypeAvailability(t.Id, t.Name, t.Free, new Quote(t.Id, checkIn, checkOut, currency, t.Nights, t.Nights.Sum(n => n.Price))))]);
    }

    public async Task<long> LastSequenceAsync(string org, string property, CancellationToken cancellationToken)
    {
        await using var read = db.CreateCommand("SELECT last_sequence FROM bl_properties WHERE org = $1 AND id = $2");
        Add(read.Parameters, org, property);
        return await read.ExecuteScalarAsync(cancellationToken) is long last ? last : 0;
    }

    /// <summary>A board's events after <paramref name="after"/>, for a board that reconnects.</summary>
    public async Task<IReadOnlyList<BoardEvent>> ReadEventsAsync(string org, string property, long after, int limit, CancellationToken cancellationToken)
    {
        await using var read = db.CreateCommand(ReadEvents);
        Add(read.Parameters, org, property, after, limit);
        var events = new List<BoardEvent>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Event(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return events;
    }

    /// <summary>New events of every watched board, in sequence order per board.</summary>
    public async Task<IReadOnlyList<(string Board, BoardEvent Event)>> ReadWatchedAsync(IReadOnlyList<WatchedBoard> boards, CancellationToken cancellationToken)
    {
        await using var read = db.CreateCommand(ReadWatched);
        read.Parameters.Add(new() { Value = boards.Select(b => b.Org).ToArray() });
        read.Parameters.Add(new() { Value = boards.Select(b => b.Property).ToArray() });
        read.Parameters.Add(new() { Value = boards.Select(b => b.After).ToArray() });
        var events = new List<(string, BoardEvent)>();
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add((BaselineBoards.Key(reader.GetString(0), reader.GetString(1)),
                Event(reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5))));
        }

        return events;
    }

    private async Task<BookingView> GetBookingAsync(string org, string bookingId, CancellationToken cancellationToken)
    {
        await using var read = db.CreateCommand("""
            SELECT property, room, room_type, check_in, check_out, guest_name, guest_email, status, nights::text, total, currency, hold_expires_at, cancellation::text
            FROM bl_bookings WHERE org = $1 AND id = $2
            """);
        Add(read.Parameters, org, bookingId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new NotFoundException($"Booking '{bookingId}' does not exist.");
        }

        return new BookingView(
            bookingId, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4),
            new Guest(reader.GetString(5), reader.GetString(6)), Enum.Parse<BookingStatus>(reader.GetString(7)),
            JsonSerializer.Deserialize<List<NightPrice>>(reader.GetString(8), GrainJson.Options)!, reader.GetDecimal(9), reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
            JsonSerializer.Deserialize<CancellationPolicy>(reader.GetString(12), GrainJson.Options)!, CancellationFee: null);
    }

    // A hold by room type takes the first free room of the type, skipping rooms another booking has locked.
    private static async Task<string> PickFreeRoomAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string org, HoldBooking command, CancellationToken cancellationToken)
    {
        await using var pick = new NpgsqlCommand("""
            SELECT r.id FROM bl_rooms r
            WHERE r.org = $1 AND r.property = $2 AND r.room_type = $3 AND NOT r.retired AND r.housekeeping <> 'OutOfOrder'
              AND NOT EXISTS (SELECT 1 FROM bl_stays s WHERE s.room_id = r.room_id AND s.nights && daterange($4, $5) AND (s.kind <> 'Hold' OR s.hold_until > now()))
            ORDER BY r.id LIMIT 1
            FOR UPDATE OF r SKIP LOCKED
            """, connection, transaction);
        Add(pick.Parameters, org, command.PropertyId, command.RoomType!, command.CheckIn, command.CheckOut);
        return await pick.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new RoomUnavailableException($"No room of type '{command.RoomType}' is free for those nights.");
    }

    // The property's own rules, in its time zone: the same ones the platform's PropertyGrain applies.
    private void CheckStay(DateOnly checkIn, DateOnly checkOut, string timeZone, int minimumStay)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        if (checkIn < today)
        {
            throw new DomainValidationException("checkIn", $"Must be today ({today:yyyy-MM-dd}) or later at the property.");
        }

        if (checkIn > today.AddDays(StayLimits.MaxDaysAhead))
        {
            throw new DomainValidationException("checkIn", $"At most {StayLimits.MaxDaysAhead} days ahead.");
        }

        if (checkOut.DayNumber - checkIn.DayNumber < minimumStay)
        {
            throw new DomainValidationException("checkOut", $"The property's minimum stay is {minimumStay} nights.");
        }
    }

    private static BoardEvent Event(long sequence, string type, string payload, DateTimeOffset recordedAt)
    {
        using var document = JsonDocument.Parse(payload);
        return new BoardEvent(sequence, type, document.RootElement.Clone(), recordedAt);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GrainJson.Options);

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, params object[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(value is DateOnly date ? new NpgsqlParameter { Value = date, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = value });
        }
    }

    private sealed record RoomRow(
        long RoomId, string RoomType, string Housekeeping, bool Retired, decimal NightlyRate, string Currency, string TimeZone, int MinimumStay, CancellationPolicy Cancellation);
}

/// <summary>A board some client on this node follows, and the last sequence this node has pushed for it.</summary>
public sealed record WatchedBoard(string Org, string Property, long After);
