using Orleans;

namespace Actors.Grains.Abstractions.Rooms;

/// <summary>
/// A room (key: "org/property/room"): its housekeeping status, calendar of stays and blocks. It is the
/// authority on whether the room is free for some nights and never accepts two overlapping stays.
/// </summary>
[Alias("IRoomGrain")]
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Creates the room; called by its property.</summary>
    Task<RoomView> Create(NewRoom command);

    /// <summary>Returns the room with its calendar, or fails with not-found.</summary>
    Task<RoomView> Get();

    /// <summary>Changes the name shown on the board.</summary>
    Task<RoomView> Rename(string name);

    /// <summary>Retires the room for good; refused while a stay ends after <paramref name="today"/>.</summary>
    Task<RoomView> Retire(DateOnly today);

    /// <summary>Sets the housekeeping status (clean, dirty, inspected, out of order).</summary>
    Task<RoomView> SetHousekeeping(Housekeeping status);

    /// <summary>
    /// Takes the room off sale for some nights from <paramref name="today"/> on, or fails with conflict when a
    /// stay or another block shares a night; repeating the same block returns it again.
    /// </summary>
    Task<RoomBlock> Block(NewBlock block, DateOnly today);

    /// <summary>Removes a block, so its nights can be sold again; fails with not-found when there is no such block.</summary>
    Task Unblock(string blockId);

    /// <summary>
    /// Keeps nights for a booking, or fails with room-unavailable; repeating the same reservation is harmless.
    /// The room decides in memory; the booking writes the stay in its own transaction (see Reload).
    /// </summary>
    Task Reserve(StayReservation reservation);

    /// <summary>Turns a booking's hold into a booked stay, or fails with room-unavailable if the hold is gone.</summary>
    Task Confirm(string bookingId);

    /// <summary>Frees a booking's nights; releasing what is not there is harmless.</summary>
    Task Release(string bookingId);

    /// <summary>Moves a booking's stay in this room to other nights, or fails with room-unavailable and keeps the old ones.</summary>
    Task ChangeDates(string bookingId, DateOnly checkIn, DateOnly checkOut);

    /// <summary>Marks the booking's guest in house; fails with room-not-ready unless the room is clean or inspected.</summary>
    Task CheckIn(string bookingId);

    /// <summary>Marks the guest departed on <paramref name="today"/>, frees any nights left, and leaves the room dirty; returns the nights slept.</summary>
    Task<RoomStay> CheckOut(string bookingId, DateOnly today);

    /// <summary>
    /// Takes the stays table's word for <paramref name="bookingId"/>'s stay and learns any stay it did not
    /// know: a booking whose transaction failed after the room agreed to a change says so, so the room
    /// keeps neither what was not written nor a stay another activation wrote. Stays of other bookings
    /// that are on their way to the table stay as they are.
    /// </summary>
    Task Reload(string bookingId);

    /// <summary>Puts an imported stay on the calendar as it was (past nights, in house or departed too), or fails with room-unavailable when it overlaps another; repeating it is harmless.</summary>
    Task Restore(RoomStay stay);

    /// <summary>
    /// Puts an imported block on the room as it was, under its own id (a whole number, as the room gives them)
    /// and past nights too, and counts new blocks on from it; fails with conflict when a stay or another block
    /// shares a night. Repeating the same block is harmless.
    /// </summary>
    Task RestoreBlock(RoomBlock block);

    /// <summary>Says whether the room can take a new stay for every night of [checkIn, checkOut).</summary>
    Task<bool> IsFree(DateOnly checkIn, DateOnly checkOut);
}
