using Actors.Runtime.Streams;
using Actors.Runtime.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Runtime.Tests;

/// <summary>In-process streams: subscribers get items in order until they unsubscribe.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task A_grain_subscriber_receives_every_item_in_order_until_it_unsubscribes()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var streams = silo.Services.GetRequiredService<IStreamProvider>();
        var stream = streams.GetStream<int>(new StreamId("numbers", "one"));
        var listener = silo.GrainFactory.GetGrain<IListenerGrain>("listener");
        await listener.Listen("one");

        for (var i = 1; i <= 100; i++)
        {
            await stream.OnNextAsync(i);
        }

        await listener.Stop();
        await stream.OnNextAsync(101);

        Assert.Equal(Enumerable.Range(1, 100), await listener.Received());
    }

    [Fact]
    public async Task Plain_subscribers_get_only_their_own_stream()
    {
        await using var silo = await Silos.StartAsync(database: null);
        var streams = silo.Services.GetRequiredService<IStreamProvider>();
        var seen = new List<string>();
        var handle = await streams.GetStream<string>(new StreamId("board", "a")).SubscribeAsync((item, _) =>
        {
            seen.Add(item);
            return Task.CompletedTask;
        });

        await streams.GetStream<string>(new StreamId("board", "a")).OnNextAsync("for a");
        await streams.GetStream<string>(new StreamId("board", "b")).OnNextAsync("for b");
        await handle.UnsubscribeAsync();
        await streams.GetStream<string>(new StreamId("board", "a")).OnNextAsync("after unsubscribe");

        Assert.Equal(["for a"], seen);
    }
}
