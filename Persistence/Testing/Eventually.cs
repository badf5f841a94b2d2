namespace Actors.Persistence.Testing;

/// <summary>
/// Polls until a condition holds, failing with the last value seen when a generous deadline passes:
/// synchronisation for things that happen in the background, never a timing assertion.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not there after {limit}; last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
