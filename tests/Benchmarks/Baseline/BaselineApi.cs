using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Actors.Api.Bookings;
using Actors.Api.Organizations;
using Actors.Api.Problems;
using Actors.Api.Properties;
using Actors.Api.Rooms;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Properties;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Actors.Benchmarks.Baseline;

/// <summary>
/// The baseline's REST routes: the platform's paths, request records, validation and problem
/// details, so one load generator drives both; behind them, SQL instead of grains.
/// </summary>
public static class BaselineApi
{
    public static WebApplication MapBaselineApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/health", () => TypedResults.Ok());
        var orgs = app.MapGroup("/api/orgs").AddEndpointFilter<DomainProblemFilter>();
        orgs.MapPost("/", CreateOrganizationAsync);
        orgs.MapPost("/{org}/properties", CreatePropertyAsync);
        orgs.MapPost("/{org}/properties/{property}/rooms", AddRoomAsync);
        orgs.MapGet("/{org}/properties/{property}/availability", SearchAsync);
        orgs.MapPost("/{org}/bookings", HoldAsync);
        app.MapHub<BaselineBoardHub>("/hubs/board");
        return app;
    }

    private static async Task<Created<object>> CreateOrganizationAsync(CreateOrganizationRequest request, BaselineStore store, CancellationToken cancellationToken)
    {
        var command = request.ToCommand();
        await store.CreateOrganizationAsync(request.Id!, command, cancellationToken);
        return TypedResults.Created<object>($"/api/orgs/{request.Id}", new { id = request.Id, command.Name, command.Plan });
    }

    private static async Task<Created<object>> CreatePropertyAsync(string org, CreatePropertyRequest request, BaselineStore store, CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        var command = request.ToCommand();
        await store.CreatePropertyAsync(org, request.Id!, command, cancellationToken);
        return TypedResults.Created<object>($"/api/orgs/{org}/properties/{request.Id}", new { id = request.Id, command.Settings, command.RoomTypes });
    }

    private static async Task<Created<object>> AddRoomAsync(string org, string property, AddRoomRequest request, BaselineStore store, CancellationToken cancellationToken)
    {
        PathIds.Check(org, property);
        var room = request.ToCommand();
        await store.AddRoomAsync(org, property, room, cancellationToken);
        return TypedResults.Created<object>($"/api/orgs/{org}/properties/{property}/rooms/{room.Id}", room);
    }

    private static async Task<Ok<AvailabilityView>> SearchAsync(
        string org, string property, string? checkIn, string? checkOut, BaselineStore store, CancellationToken cancellationToken)
    {
        PathIds.Check(org, property);
        var errors = new FieldErrors();
        var from = Date(checkIn, "checkIn", errors);
        var to = Date(checkOut, "checkOut", errors);
        if (from is { } f && to is { } t && (t.DayNumber - f.DayNumber is <= 0 or > StayLimits.MaxNights))
        {
            errors.Add("checkOut", $"Must be after check-in, at most {StayLimits.MaxNights} nights.");
        }

        errors.ThrowIfAny();
        return TypedResults.Ok(await store.SearchAsync(org, property, from!.Value, to!.Value, cancellationToken));
    }

    private static async Task<Created<BookingView>> HoldAsync(
        string org,
        CreateBookingRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        BaselineStore store,
        CancellationToken cancellationToken)
    {
        PathIds.Check(org);
        var command = request.ToCommand();
        var id = BookingId(org, idempotencyKey);
        var view = await store.HoldAsync(org, id, command, cancellationToken);
        return TypedResults.Created($"/api/orgs/{org}/bookings/{id}", view);
    }

    // As the platform does: derived from the Idempotency-Key, so a retry finds the booking it made.
    private static string BookingId(string org, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Guid.NewGuid().ToString("N");
        }

        if (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            throw new DomainValidationException("Idempotency-Key", "Use 1 to 255 visible ASCII characters.");
        }

        return "k" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{org}\n{idempotencyKey}")))[..40];
    }

    private static DateOnly? Date(string? value, string field, FieldErrors errors)
    {
        if (!errors.Required(value, field))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Use a date as yyyy-MM-dd.");
        return null;
    }
}
