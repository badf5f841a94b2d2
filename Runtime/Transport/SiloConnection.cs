using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using Actors.Runtime.Invocation;

namespace Actors.Runtime.Transport;

/// <summary>
/// One persistent TCP connection between two silos, multiplexing many calls at once: requests carry
/// a correlation id, and every frame waiting to go out is written before one flush, so calls made
/// together travel together.
/// </summary>
internal sealed class SiloConnection : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private readonly Socket socket;
    private readonly Channel<byte[]> outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Pending> pending = new();
    private readonly Func<SiloConnection, long, byte[], Task>? onRequest;
    private readonly CancellationTokenSource closed = new();
    private long nextId;

    private SiloConnection(Socket socket, string peer, Func<SiloConnection, long, byte[], Task>? onRequest, Func<Task>? connect)
    {
        this.socket = socket;
        this.onRequest = onRequest;
        Peer = peer;
        socket.NoDelay = true;
        Completion = Task.Run(() => RunAsync(connect));
    }

    public string Peer { get; }

    public Task Completion { get; }

    public bool IsClosed => closed.IsCancellationRequested;

    /// <summary>
    /// An outgoing connection, usable at once: calls queue in the order they are made while it
    /// connects, and all fail with <see cref="SiloUnavailableException"/> if it cannot.
    /// </summary>
    public static SiloConnection Connect(string host, int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        return new SiloConnection(socket, $"{host}:{port}", onRequest: null, async () =>
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await socket.ConnectAsync(host, port, timeout.Token);
        });
    }

    public static SiloConnection Accept(Socket socket, Func<SiloConnection, long, byte[], Task> onRequest) =>
        new(socket, socket.RemoteEndPoint?.ToString() ?? "unknown", onRequest, connect: null);

    public async Task<object?> InvokeAsync(GrainCall call, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var waiting = new Pending(call.Method, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        pending[id] = waiting;
        try
        {
            if (IsClosed || !outgoing.Writer.TryWrite(RemoteCallCodec.EncodeRequest(id, call)))
            {
                throw new SiloUnavailableException($"The connection to silo {Peer} is closed.");
            }

            return await waiting.Reply.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Call {call.Method.Method.Name} to {call.Target} on silo {Peer} did not complete within {timeout}.");
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    public void Send(byte[] frame) => outgoing.Writer.TryWrite(frame);

    public async ValueTask DisposeAsync()
    {
        Close(new SiloUnavailableException($"The connection to silo {Peer} was closed."));
        await Completion.ContinueWith(static _ => { }, TaskScheduler.Default);
        closed.Dispose();
    }

    private async Task RunAsync(Func<Task>? connect)
    {
        NetworkStream stream;
        try
        {
            if (connect is not null)
            {
                await connect();
            }

            stream = new NetworkStream(socket, ownsSocket: true);
        }
        catch (Exception exception)
        {
            Close(new SiloUnavailableException($"Silo {Peer} cannot be reached: {exception.Message}", exception));
            return;
        }

        await Task.WhenAll(ReadLoopAsync(stream), WriteLoopAsync(stream));
    }

    private async Task ReadLoopAsync(NetworkStream stream)
    {
        var header = new byte[RemoteCallCodec.HeaderSize];
        try
        {
            await using var reader = new BufferedStream(stream, 64 * 1024);
            while (!closed.IsCancellationRequested)
            {
                await reader.ReadExactlyAsync(header, closed.Token);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                var kind = (FrameKind)header[4];
                var id = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(5));
                var body = new byte[length - 9];
                await reader.ReadExactlyAsync(body, closed.Token);
                Dispatch(kind, id, body);
            }
        }
        catch (Exception exception)
        {
            Close(new SiloUnavailableException($"The connection to silo {Peer} was lost.", exception));
        }
    }

    private void Dispatch(FrameKind kind, long id, byte[] body)
    {
        switch (kind)
        {
            case FrameKind.Request when onRequest is not null:
                _ = onRequest(this, id, body);
                break;
            case FrameKind.Response when pending.TryRemove(id, out var waiting):
                Complete(waiting, () => RemoteCallCodec.DecodeResult(waiting.Method, body));
                break;
            case FrameKind.Failure when pending.TryRemove(id, out var waiting):
                waiting.Reply.TrySetException(RemoteCallCodec.DecodeFailure(body));
                break;
            default:
                // A response whose caller already timed out: nobody is waiting for it.
                break;
        }
    }

    private static void Complete(Pending waiting, Func<object?> decode)
    {
        try
        {
            waiting.Reply.TrySetResult(decode());
        }
        catch (Exception exception)
        {
            waiting.Reply.TrySetException(exception);
        }
    }

    private async Task WriteLoopAsync(NetworkStream stream)
    {
        try
        {
            var reader = outgoing.Reader;
            await using var writer = new BufferedStream(stream, 64 * 1024);
            while (await reader.WaitToReadAsync(closed.Token))
            {
                while (reader.TryRead(out var frame))
                {
                    await writer.WriteAsync(frame, closed.Token);
                }

                await writer.FlushAsync(closed.Token);
            }
        }
        catch (Exception exception)
        {
            Close(new SiloUnavailableException($"The connection to silo {Peer} was lost.", exception));
        }
    }

    private void Close(Exception reason)
    {
        if (closed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        outgoing.Writer.TryComplete();
        socket.Dispose();
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var waiting))
            {
                waiting.Reply.TrySetException(reason);
            }
        }
    }

    private sealed record Pending(GrainMethod Method, TaskCompletionSource<object?> Reply);
}
