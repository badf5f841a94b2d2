using Actors.Persistence.EventLog;

namespace Actors.Persistence.Streams;

internal sealed class MemoryDeadLetters(TimeProvider time) : IDeadLetters
{
    private readonly Lock gate = new();
    private readonly List<DeadLetter> letters = [];

    public Task AddAsync(string consumer, RecordedEvent recorded, string error, int attempts, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var index = letters.FindIndex(l => l.Consumer == consumer && l.Stream == recorded.Stream && l.Sequence == recorded.Sequence);
            var id = index < 0 ? letters.Count + 1 : letters[index].Id;
            var letter = new DeadLetter(id, consumer, recorded.Stream, recorded.Sequence, recorded.EventType, error, attempts, time.GetUtcNow(), null);
            if (index < 0)
            {
                letters.Add(letter);
            }
            else
            {
                letters[index] = letter;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListWaitingAsync(int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<DeadLetter> waiting = [.. letters.Where(l => l.ReplayedAt is null).Take(max)];
            return Task.FromResult(waiting);
        }
    }

    public Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(letters.FirstOrDefault(l => l.Id == id));
        }
    }

    public Task<long> CountWaitingAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult((long)letters.Count(l => l.ReplayedAt is null));
        }
    }

    public Task MarkReplayedAsync(long id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var index = letters.FindIndex(l => l.Id == id);
            if (index >= 0)
            {
                letters[index] = letters[index] with { ReplayedAt = time.GetUtcNow() };
            }
        }

        return Task.CompletedTask;
    }
}
