using Actors.Grains.Abstractions.Users;

namespace Actors.Api.Exports;

/// <summary>What an import brought in, and the invitations (with their one-time tokens) to send to the members it named.</summary>
public sealed record ImportSummary(int Properties, int Rooms, int Bookings, IReadOnlyList<Invitation> Invitations);
