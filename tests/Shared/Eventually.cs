namespace Actors.Testing;

/// <summary>Bounded polling for things that happen in the background (a reminder firing): no bare sleeps.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not there after {within ?? TimeSpan.FromSeconds(30)}; last seen: {value}");
            }

            await Task.Delay(100);
        }
    }
}
