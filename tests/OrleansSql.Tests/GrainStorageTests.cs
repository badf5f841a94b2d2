using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.OrleansSql.Tests;

/// <summary>
/// Orleans' ADO.NET grain storage runs on our SQL: ETags guard every write and clear, rows are
/// kept apart by state and key, and the stored state is JSON a DBA can read.
/// </summary>
public sealed class GrainStorageTests(OrleansDatabase db) : IClassFixture<OrleansDatabase>
{
    private static string NewService() => $"service-{Guid.NewGuid():N}";

    private static StayState Stay(string guest, int nights) => new() { Guest = guest, Nights = nights, Rooms = ["101", "102"] };

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag_and_each_write_moves_the_etag_on()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        var state = new GrainState<StayState>(Stay("Ada", 2));

        await store.Storage.WriteStateAsync("stay", grain, state);
        var firstEtag = state.ETag;
        Of(state).Nights = 3;
        await store.Storage.WriteStateAsync("stay", grain, state);

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, read);
        Assert.Equal("1", firstEtag);
        Assert.Equal("2", state.ETag);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("Ada", Of(read).Guest);
        Assert.Equal(3, Of(read).Nights);
        Assert.Equal(["101", "102"], Of(read).Rooms);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_the_default_with_no_etag()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", GrainId.Create("booking", "nobody"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(string.Empty, Of(read).Guest);
    }

    [Fact]
    public async Task A_write_carrying_a_stale_etag_raises_InconsistentStateException_and_changes_nothing()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        var current = new GrainState<StayState>(Stay("Ada", 2));
        await store.Storage.WriteStateAsync("stay", grain, current);
        var stale = new GrainState<StayState>(Stay("Ada", 2)) { ETag = current.ETag, RecordExists = true };
        await store.Storage.WriteStateAsync("stay", grain, current);

        Of(stale).Nights = 9;
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.Storage.WriteStateAsync("stay", grain, stale));

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, read);
        Assert.Equal(2, Of(read).Nights);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task Two_activations_racing_to_write_a_new_state_let_exactly_one_commit()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-race");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                await store.Storage.WriteStateAsync("stay", grain, new GrainState<StayState>(Stay($"guest-{i}", i)));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
    }

    [Fact]
    public async Task Clearing_keeps_the_version_moving_so_a_stale_activation_cannot_write_the_state_back()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        var state = new GrainState<StayState>(Stay("Ada", 2));
        await store.Storage.WriteStateAsync("stay", grain, state);
        var stale = new GrainState<StayState>(Stay("Ada", 2)) { ETag = state.ETag, RecordExists = true };

        await store.Storage.ClearStateAsync("stay", grain, state);

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(string.Empty, Of(read).Guest);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.Storage.WriteStateAsync("stay", grain, stale));

        read.State = Stay("Grace", 1);
        await store.Storage.WriteStateAsync("stay", grain, read);
        var reread = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, reread);
        Assert.Equal("Grace", Of(reread).Guest);
    }

    [Fact]
    public async Task A_clear_carrying_a_stale_etag_raises_InconsistentStateException()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        var state = new GrainState<StayState>(Stay("Ada", 2));
        await store.Storage.WriteStateAsync("stay", grain, state);
        var stale = new GrainState<StayState>(Stay("Ada", 2)) { ETag = state.ETag, RecordExists = true };
        await store.Storage.WriteStateAsync("stay", grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.Storage.ClearStateAsync("stay", grain, stale));

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task With_delete_on_clear_the_row_is_removed_and_the_state_can_start_again()
    {
        var service = NewService();
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, service, options => options.DeleteStateOnClear = true);
        var grain = GrainId.Create("booking", "b-delete");
        var state = new GrainState<StayState>(Stay("Ada", 2));
        await store.Storage.WriteStateAsync("stay", grain, state);

        await store.Storage.ClearStateAsync("stay", grain, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await CountRowsAsync(service));
        await store.Storage.WriteStateAsync("stay", grain, new GrainState<StayState>(Stay("Grace", 1)));
        Assert.Equal(1L, await CountRowsAsync(service));
    }

    [Fact]
    public async Task Two_state_names_on_the_same_grain_are_separate_rows()
    {
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        var grain = GrainId.Create("booking", "b-1");
        await store.Storage.WriteStateAsync("stay", grain, new GrainState<StayState>(Stay("Ada", 2)));
        await store.Storage.WriteStateAsync("invoice", grain, new GrainState<StayState>(Stay("Grace", 5)));

        var stay = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, stay);

        Assert.Equal("Ada", Of(stay).Guest);
        Assert.Equal("1", stay.ETag);
    }

    [Fact]
    public async Task The_provider_alone_binds_no_grain_type_so_two_grain_types_with_one_state_name_and_key_meet_in_one_row()
    {
        // Why GrainTypeScopedStorage exists (Orleans issues #8746, #9737): if this ever fails,
        // Orleans has started binding the grain type and the wrapper can go.
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, NewService());
        await store.Storage.WriteStateAsync("state", GrainId.Create("booking", "42-a"), new GrainState<StayState>(Stay("Ada", 2)));

        var other = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("state", GrainId.Create("room", "42-a"), other);

        Assert.True(other.RecordExists);
        Assert.Equal("Ada", Of(other).Guest);
    }

    [Fact]
    public async Task Two_grain_types_with_the_same_state_name_and_key_are_kept_apart_when_the_state_name_is_scoped_by_grain_type()
    {
        var service = NewService();
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, service);
        var scoped = new GrainTypeScopedStorage(store.Storage);
        var booking = new GrainState<StayState>(Stay("Ada", 2));
        var room = new GrainState<StayState>(Stay("Grace", 7));

        await scoped.WriteStateAsync("state", GrainId.Create("booking", "42-a"), booking);
        await scoped.WriteStateAsync("state", GrainId.Create("room", "42-a"), room);

        var readBooking = new GrainState<StayState>();
        var readRoom = new GrainState<StayState>();
        await scoped.ReadStateAsync("state", GrainId.Create("booking", "42-a"), readBooking);
        await scoped.ReadStateAsync("state", GrainId.Create("room", "42-a"), readRoom);
        Assert.Equal("Ada", Of(readBooking).Guest);
        Assert.Equal("Grace", Of(readRoom).Guest);
        Assert.Equal("1", readRoom.ETag);
        Assert.Equal(["booking/state", "room/state"], await StateNamesAsync(service));
    }

    [Fact]
    public async Task An_all_digit_string_key_round_trips_and_is_stored_as_the_integer_orleans_parses_it_to()
    {
        var service = NewService();
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, service);
        var grain = GrainId.Create("booking", "20240101");

        await store.Storage.WriteStateAsync("stay", grain, new GrainState<StayState>(Stay("Ada", 2)));

        var read = new GrainState<StayState>();
        await store.Storage.ReadStateAsync("stay", grain, read);
        Assert.Equal("Ada", Of(read).Guest);
        // Orleans reads all-digit (indeed all-hex) string keys as hexadecimal integers (#9706).
        Assert.Equal(0x20240101L, await db.Database.ScalarAsync<long>(
            "SELECT grain_id_n1 FROM orleans_grain_state WHERE service_id = $1", service));
        Assert.Equal(string.Empty, await db.Database.ScalarAsync<string>(
            "SELECT grain_id_extension FROM orleans_grain_state WHERE service_id = $1", service));
    }

    [Fact]
    public async Task String_and_compound_keys_are_stored_apart_from_integer_keys_of_the_same_text()
    {
        var service = NewService();
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, service);
        var guid = Guid.NewGuid();
        var keys = new[]
        {
            GrainId.Create("booking", "guest-ada"),
            GrainId.Create("booking", "7"),
            GrainId.Create("booking", "7+ext"),
            GrainId.Create("booking", $"{guid:N}"),
            GrainId.Create("booking", $"{guid:N}+ext"),
        };

        for (var i = 0; i < keys.Length; i++)
        {
            await store.Storage.WriteStateAsync("stay", keys[i], new GrainState<StayState>(Stay($"guest-{i}", i)));
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var read = new GrainState<StayState>();
            await store.Storage.ReadStateAsync("stay", keys[i], read);
            Assert.Equal($"guest-{i}", Of(read).Guest);
            Assert.Equal("1", read.ETag);
        }

        Assert.Equal(keys.Length, await CountRowsAsync(service));
    }

    [Fact]
    public async Task The_stored_state_is_jsonb_a_dba_can_query()
    {
        var service = NewService();
        await using var store = await GrainStorage.StartAsync(db.ConnectionString, service);
        await store.Storage.WriteStateAsync("stay", GrainId.Create("booking", "guest-ada"), new GrainState<StayState>(Stay("Ada", 2)));

        Assert.Equal("object", await db.Database.ScalarAsync<string>(
            "SELECT jsonb_typeof(payload) FROM orleans_grain_state WHERE service_id = $1", service));
        Assert.Equal("Ada", await db.Database.ScalarAsync<string>(
            "SELECT payload->>'Guest' FROM orleans_grain_state WHERE service_id = $1", service));
        Assert.Equal(2, await db.Database.ScalarAsync<int>(
            "SELECT (payload->>'Nights')::int FROM orleans_grain_state WHERE service_id = $1", service));
        Assert.Equal("102", await db.Database.ScalarAsync<string>(
            "SELECT payload->'Rooms'->>1 FROM orleans_grain_state WHERE service_id = $1", service));
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_refused_rather_than_stored_unreadable()
    {
        var service = NewService();
        var text = await db.QueryTextAsync("WriteToStorageKey");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => RawQuery.ExecuteAsync(db.ConnectionString, text,
            ("GrainIdHash", 0), ("GrainIdN0", 0L), ("GrainIdN1", 0L), ("GrainTypeHash", 0), ("GrainTypeString", "stay"),
            ("GrainIdExtensionString", "guest-ada"), ("ServiceId", service), ("GrainStateVersion", (int?)null),
            ("PayloadBinary", new byte[] { 0x00, 0xff, 0x10 })));

        Assert.Equal(Npgsql.PostgresErrorCodes.CharacterNotInRepertoire, refused.SqlState);

        Assert.Equal(0L, await CountRowsAsync(service));
    }

    private static StayState Of(IGrainState<StayState> state) => state.State ?? throw new InvalidOperationException("The grain state was not set.");

    private Task<long> CountRowsAsync(string service) =>
        db.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE service_id = $1", service);

    private async Task<List<string>> StateNamesAsync(string service)
    {
        var names = await db.Database.ScalarAsync<string[]>(
            "SELECT array_agg(state_name ORDER BY state_name) FROM orleans_grain_state WHERE service_id = $1", service);
        return [.. names];
    }
}
