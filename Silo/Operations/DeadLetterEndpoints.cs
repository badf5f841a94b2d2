using Actors.Persistence.Streams;
using Actors.Persistence.Streams.Consumers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Silo.Operations;

/// <summary>
/// The dead-letter table for operators: list what consumers gave up on, and replay it once the cause
/// is fixed. Any node answers; the consumer grain applies the event wherever it lives.
/// </summary>
public static class DeadLetterEndpoints
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder endpoints)
    {
        var letters = endpoints.MapGroup("/operations/dead-letters")
            .WithTags("Operations")
            .AddEndpointFilter<OperatorKeyFilter>();
        letters.MapGet("", ListAsync)
            .WithSummary("Events consumers gave up on and nobody has replayed yet, oldest first, with their errors.");
        letters.MapPost("/replay", ReplayAllAsync)
            .WithSummary("Replays every waiting dead letter; each is applied once, and one that still fails stays waiting.");
        letters.MapPost("/{id:long}/replay", ReplayOneAsync)
            .WithSummary("Replays one dead letter.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<DeadLetter>>> ListAsync(IDeadLetters deadLetters, CancellationToken cancellationToken) =>
        TypedResults.Ok(await deadLetters.ListWaitingAsync(MaxListed, cancellationToken));

    private static async Task<Ok<List<DeadLetterReplay>>> ReplayAllAsync(IDeadLetters deadLetters, IGrainFactory grains, ILogger<DeadLetter> logger, CancellationToken cancellationToken)
    {
        var replays = new List<DeadLetterReplay>();
        foreach (var letter in await deadLetters.ListWaitingAsync(MaxListed, cancellationToken))
        {
            try
            {
                replays.Add(await ReplayAsync(letter, deadLetters, grains, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Dead letter {Id} still fails", letter.Id);
                replays.Add(new DeadLetterReplay(letter.Id, letter.Consumer, letter.Stream.ToString(), letter.Sequence, "still-failing: " + exception.Message));
            }
        }

        return TypedResults.Ok(replays);
    }

    private static async Task<Results<Ok<DeadLetterReplay>, ProblemHttpResult>> ReplayOneAsync(
        long id, IDeadLetters deadLetters, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await deadLetters.FindAsync(id, cancellationToken) is not { } letter)
        {
            return TypedResults.Problem(
                title: "No such dead letter",
                detail: $"There is no dead letter {id}.",
                statusCode: StatusCodes.Status404NotFound,
                type: "https://bookings.example/problems/not-found");
        }

        try
        {
            return TypedResults.Ok(await ReplayAsync(letter, deadLetters, grains, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return TypedResults.Problem(
                title: "The consumer still fails on this event",
                detail: exception.Message,
                statusCode: StatusCodes.Status409Conflict,
                type: "https://bookings.example/problems/still-failing");
        }
    }

    private static async Task<DeadLetterReplay> ReplayAsync(DeadLetter letter, IDeadLetters deadLetters, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var consumer = grains.GetGrain(GrainId.Parse(letter.Consumer)).AsReference<IEventLogConsumer>();
        var applied = await consumer.ReplayAsync(letter.Stream, letter.Sequence);
        await deadLetters.MarkReplayedAsync(letter.Id, cancellationToken);
        return new DeadLetterReplay(letter.Id, letter.Consumer, letter.Stream.ToString(), letter.Sequence, applied ? "applied" : "already-applied");
    }
}
