using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Figures;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Properties;

/// <summary>
/// A property's settings, room types, rates and room list. It prices stays and answers availability
/// with one call to the property's figures, which know from the event stream which rooms hold a stay
/// on which nights: no table is read and no room is asked per search (the room still decides a hold).
/// </summary>
[GrainType("property")]
internal sealed class PropertyGrain(
    [OutboxState("property")] IOutboxState<PropertyState> property,
    TimeProvider time) : Grain, IPropertyGrain
{
    private string org = "";
    private string propertyId = "";

    private PropertyState State => property.State;

    private PropertySettings Settings => State.Settings!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = GrainKeys.Split(this.GetPrimaryKeyString());
        (org, propertyId) = (key[0], key[^1]);
        return Task.CompletedTask;
    }

    public async Task<PropertyView> Create(CreateProperty command)
    {
        if (State.Exists)
        {
            throw new ConflictException($"Property '{propertyId}' already exists.");
        }

        var errors = new FieldErrors();
        errors.Settings(command.Settings);
        if (errors.Required(command.RoomTypes, "roomTypes"))
        {
            for (var i = 0; i < command.RoomTypes.Count; i++)
            {
                errors.RoomType(command.RoomTypes[i], $"roomTypes[{i}].");
            }

            if (command.RoomTypes.Count > 100)
            {
                errors.Add("roomTypes", "At most 100 room types.");
            }

            if (command.RoomTypes.Where(t => t is not null).GroupBy(t => t.Id).Any(g => g.Count() > 1))
            {
                errors.Add("roomTypes", "Room type ids must be unique.");
            }
        }

        errors.ThrowIfAny();
        State.Exists = true;
        State.Settings = command.Settings;
        State.RoomTypes = [.. command.RoomTypes.Select(NewRoomType)];
        property.RaiseEvent(Board, new PropertyCreated(propertyId, command.Settings, [.. State.RoomTypes.Select(t => t.ToRoomType())]));
        await property.WriteStateAsync();
        return View();
    }

    public Task<PropertyView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<PropertyView> UpdateSettings(PropertySettings settings)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Settings(settings);
        errors.ThrowIfAny();
        if (settings != Settings)
        {
            State.Settings = settings;
            property.RaiseEvent(Board, new PropertySettingsChanged(propertyId, settings));
            await property.WriteStateAsync();
        }

        return View();
    }

    public async Task<PropertyView> SaveRoomType(RoomType roomType)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.RoomType(roomType, "");
        if (State.RoomTypes.Count >= 100 && FindRoomType(roomType.Id) is null)
        {
            errors.Add("id", "At most 100 room types.");
        }

        var saved = FindRoomType(roomType.Id);
        var sleeps = roomType.MaxOccupancy ?? saved?.MaxOccupancy ?? StayLimits.DefaultMaxOccupancy;
        if (!errors.Has("includedGuests") && (roomType.IncludedGuests ?? saved?.IncludedGuests) > sleeps)
        {
            errors.Add("includedGuests", $"A {roomType.Name} sleeps at most {sleeps}: its rate cannot include more guests.");
        }

        errors.ThrowIfAny();
        if (saved is null)
        {
            State.RoomTypes.Add(saved = new RoomTypeState { Id = roomType.Id });
        }

        saved.Apply(roomType);
        property.RaiseEvent(Board, new RoomTypeSaved(propertyId, saved.ToRoomType()));
        await property.WriteStateAsync();
        return View();
    }

    public async Task<PropertyView> SetNightlyRates(SetNightlyRates command)
    {
        EnsureExists();
        var roomType = FindRoomType(command.RoomType)
            ?? throw new NotFoundException($"Room type '{command.RoomType}' does not exist in property '{propertyId}'.");
        var errors = new FieldErrors();
        var today = Today;
        if (command.To <= command.From)
        {
            errors.Add("to", "Must be after 'from'.");
        }
        else if (command.To.DayNumber - command.From.DayNumber > StayLimits.MaxDaysAhead)
        {
            errors.Add("to", $"At most {StayLimits.MaxDaysAhead} nights at once.");
        }

        if (command.From < today)
        {
            errors.Add("from", "Past nights cannot be repriced.");
        }
        else if (command.From.DayNumber - today.DayNumber > StayLimits.MaxDaysAhead)
        {
            errors.Add("from", $"At most {StayLimits.MaxDaysAhead} days ahead.");
        }

        if (command.NightlyRate is not null)
        {
            errors.Rate(command.NightlyRate, "nightlyRate");
        }

        errors.ThrowIfAny();
        for (var night = command.From; night < command.To; night = night.AddDays(1))
        {
            if (command.NightlyRate is { } rate)
            {
                roomType.Overrides[night] = rate;
            }
            else
            {
                roomType.Overrides.Remove(night);
            }
        }

        // Past nights can no longer be sold: forget their rates so the state does not grow for ever.
        foreach (var past in roomType.Overrides.Keys.Where(n => n < today).ToList())
        {
            roomType.Overrides.Remove(past);
        }

        property.RaiseEvent(Board, new NightlyRatesChanged(propertyId, command.RoomType, command.From, command.To, command.NightlyRate));
        await property.WriteStateAsync();
        return View();
    }

    public async Task<RoomView> AddRoom(NewRoom command)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Slug(command.Id, "id");
        errors.Text(command.Name, "name");
        errors.Slug(command.RoomType, "roomType");
        if (!errors.Has("roomType") && FindRoomType(command.RoomType) is null)
        {
            errors.Add("roomType", $"Property '{propertyId}' has no room type '{command.RoomType}'.");
        }

        errors.ThrowIfAny();
        if (State.Rooms.Exists(r => r.Id == command.Id))
        {
            throw new ConflictException($"Room '{command.Id}' already exists in property '{propertyId}'.");
        }

        var view = await Room(command.Id).Create(command);
        State.Rooms.Add(new RoomSummary(command.Id, view.Name, view.RoomType, view.Retired));
        await property.WriteStateAsync();
        return view;
    }

    public async Task<RoomView> RenameRoom(string roomId, string name)
    {
        EnsureExists();
        var index = IndexOfRoom(roomId);
        var view = await Room(roomId).Rename(name);
        State.Rooms[index] = State.Rooms[index] with { Name = view.Name };
        await property.WriteStateAsync();
        return view;
    }

    public async Task<RoomView> RetireRoom(string roomId)
    {
        EnsureExists();
        var index = IndexOfRoom(roomId);
        var view = await Room(roomId).Retire(Today);
        State.Rooms[index] = State.Rooms[index] with { Retired = true };
        await property.WriteStateAsync();
        return view;
    }

    public Task<RoomBlock> BlockRoom(string roomId, NewBlock block)
    {
        EnsureExists();
        IndexOfRoom(roomId);
        // The property knows its time zone, so "not in the past" means today at the hotel.
        return Room(roomId).Block(block, Today);
    }

    public Task<int> CountActiveRooms() => Task.FromResult(State.Rooms.Count(r => !r.Retired));

    public async Task<IReadOnlyList<RoomView>> ListRooms()
    {
        EnsureExists();
        return await Task.WhenAll(State.Rooms.Select(r => Room(r.Id).Get()));
    }

    public async Task<StayPlan> PlanStay(StayRequest request)
    {
        EnsureExists();
        CheckStay(request.CheckIn, request.CheckOut);
        CheckGuests(request.Guests);
        RoomTypeState roomType;
        IReadOnlyList<string> candidates;
        if (request.RoomId is not null)
        {
            var room = State.Rooms.Find(r => r.Id == request.RoomId && !r.Retired)
                ?? throw new NotFoundException($"Room '{request.RoomId}' does not exist in property '{propertyId}'.");
            if (request.RoomType is not null && request.RoomType != room.RoomType)
            {
                throw new DomainValidationException("roomType", $"Room '{room.Id}' is of room type '{room.RoomType}'.");
            }

            roomType = FindRoomType(room.RoomType)!;
            roomType.CheckOccupancy(request.Guests);
            candidates = [room.Id];
        }
        else
        {
            roomType = FindRoomType(request.RoomType ?? "")
                ?? throw new NotFoundException($"Room type '{request.RoomType}' does not exist in property '{propertyId}'.");
            roomType.CheckOccupancy(request.Guests);
            candidates = await FreeRooms(roomType.Id, request.CheckIn, request.CheckOut);
            if (candidates.Count == 0)
            {
                throw new RoomUnavailableException($"No room of type '{roomType.Id}' is free for those nights.");
            }
        }

        return new StayPlan(candidates, Price(roomType, request.CheckIn, request.CheckOut, request.Guests), Settings.TimeZone, Settings.Cancellation);
    }

    public Task<Quote> Quote(string roomType, DateOnly checkIn, DateOnly checkOut, int guests)
    {
        EnsureExists();
        var type = FindRoomType(roomType)
            ?? throw new NotFoundException($"Room type '{roomType}' does not exist in property '{propertyId}'.");
        CheckStay(checkIn, checkOut);
        CheckGuests(guests);
        type.CheckOccupancy(guests);
        return Task.FromResult(Price(type, checkIn, checkOut, guests));
    }

    public async Task<AvailabilityView> SearchAvailability(DateOnly checkIn, DateOnly checkOut, int guests)
    {
        EnsureExists();
        CheckStay(checkIn, checkOut);
        CheckGuests(guests);

        // Read once: this call interleaves with others, which replace these lists rather than edit them in place.
        var settings = Settings;
        // A room type too small for the party is not a choice for it, however many rooms it has free.
        var roomTypes = State.RoomTypes.Where(t => t.MaxOccupancy >= guests).ToList();
        var rooms = new List<RoomSummary>(State.Rooms.Count);
        foreach (var room in State.Rooms)
        {
            if (!room.Retired)
            {
                rooms.Add(room);
            }
        }

        var unsellable = await UnsellableRooms(rooms, checkIn, checkOut);
        var freeByType = new Dictionary<string, int>(State.RoomTypes.Count, StringComparer.Ordinal);
        foreach (var room in rooms)
        {
            if (!unsellable.Contains(room.Id))
            {
                freeByType[room.RoomType] = freeByType.GetValueOrDefault(room.RoomType) + 1;
            }
        }

        return new AvailabilityView(
            propertyId,
            checkIn,
            checkOut,
            settings.Currency,
            [.. roomTypes.Select(t => new RoomTypeAvailability(t.Id, t.Name, freeByType.GetValueOrDefault(t.Id), Price(t, checkIn, checkOut, guests, settings), t.MaxOccupancy))],
            guests);
    }

    private EventStream Board => BoardStream.Of(org, propertyId);

    private DateOnly Today => PropertyCalendar.Today(time, Settings.TimeZone);

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Property '{propertyId}' does not exist.");
        }
    }

    /// <summary>The rules every stay keeps: not in the past, not too far ahead, from the minimum stay up to a year.</summary>
    private void CheckStay(DateOnly checkIn, DateOnly checkOut)
    {
        var errors = new FieldErrors();
        var today = Today;
        if (checkIn < today)
        {
            errors.Add("checkIn", $"Must be today ({today:yyyy-MM-dd} at the property) or later.");
        }
        else if (checkIn.DayNumber - today.DayNumber > StayLimits.MaxDaysAhead)
        {
            errors.Add("checkIn", $"At most {StayLimits.MaxDaysAhead} days ahead.");
        }

        var nights = checkOut.DayNumber - checkIn.DayNumber;
        if (nights <= 0)
        {
            errors.Add("checkOut", "Must be after check-in.");
        }
        else if (nights > StayLimits.MaxNights)
        {
            errors.Add("checkOut", $"A stay is at most {StayLimits.MaxNights} nights.");
        }
        else if (nights < Settings.MinimumStay)
        {
            errors.Add("checkOut", $"The minimum stay is {Settings.MinimumStay} nights.");
        }

        errors.ThrowIfAny();
    }

    private static void CheckGuests(int guests)
    {
        var errors = new FieldErrors();
        errors.Guests(guests);
        errors.ThrowIfAny();
    }

    private async Task<IReadOnlyList<string>> FreeRooms(string roomType, DateOnly checkIn, DateOnly checkOut)
    {
        var rooms = State.Rooms.Where(r => r.RoomType == roomType && !r.Retired).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var unsellable = await UnsellableRooms(rooms, checkIn, checkOut);
        return [.. rooms.Where(r => !unsellable.Contains(r.Id)).Select(r => r.Id)];
    }

    private async Task<IReadOnlySet<string>> UnsellableRooms(IReadOnlyList<RoomSummary> rooms, DateOnly checkIn, DateOnly checkOut)
    {
        var figures = GrainFactory.GetGrain<IPropertyFiguresGrain>(this.GetPrimaryKeyString());
        if (await figures.GetUnsellableRoomsAsync(checkIn, checkOut) is { } known)
        {
            return known.ToHashSet(StringComparer.Ordinal);
        }

        // Figures kept from before they recorded each stay's room: the rooms themselves know.
        var free = await Task.WhenAll(rooms.Select(r => Room(r.Id).IsFree(checkIn, checkOut)));
        return rooms.Where((_, i) => !free[i]).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    private Quote Price(RoomTypeState roomType, DateOnly checkIn, DateOnly checkOut, int guests, PropertySettings? settings = null)
    {
        var nights = new List<NightPrice>(checkOut.DayNumber - checkIn.DayNumber);
        for (var night = checkIn; night < checkOut; night = night.AddDays(1))
        {
            nights.Add(new NightPrice(night, roomType.PriceFor(night, guests)));
        }

        return new Quote(roomType.Id, checkIn, checkOut, (settings ?? Settings).Currency, nights, nights.Sum(n => n.Price), guests);
    }

    private RoomTypeState? FindRoomType(string id) => State.RoomTypes.Find(t => t.Id == id);

    private static RoomTypeState NewRoomType(RoomType roomType)
    {
        var created = new RoomTypeState { Id = roomType.Id };
        created.Apply(roomType);
        return created;
    }

    private int IndexOfRoom(string roomId)
    {
        var index = State.Rooms.FindIndex(r => r.Id == roomId);
        return index >= 0 ? index : throw new NotFoundException($"Room '{roomId}' does not exist in property '{propertyId}'.");
    }

    private IRoomGrain Room(string roomId) => GrainFactory.GetGrain<IRoomGrain>(GrainKeys.Room(org, propertyId, roomId));

    private PropertyView View() => new(
        propertyId,
        Settings,
        [.. State.RoomTypes.Select(t => t.ToView())],
        [.. State.Rooms]);
}
