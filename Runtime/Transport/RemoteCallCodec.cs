using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Actors.Runtime.Invocation;
using Actors.Runtime.Persistence;

namespace Actors.Runtime.Transport;

/// <summary>
/// The wire format between silos: a length-prefixed binary frame (kind, correlation id, grain id,
/// method name) around JSON for each argument and the result, typed by the method's declared types.
/// </summary>
internal sealed class RemoteCallCodec(GrainMethodDirectory methods)
{
    // Frame: [int32 length of the rest][byte kind][int64 id][body]
    public const int HeaderSize = 4 + 1 + 8;

    public static byte[] EncodeRequest(long id, GrainCall call)
    {
        var body = new ArrayBufferWriter<byte>(256);
        WriteString(body, call.Target.Type);
        WriteString(body, call.Target.Key);
        WriteString(body, call.Method.Name);
        WriteInt(body, call.Arguments.Length);
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            WriteBytes(body, JsonSerializer.SerializeToUtf8Bytes(call.Arguments[i], call.Method.ParameterTypes[i], GrainJson.Options));
        }

        return Frame(FrameKind.Request, id, body.WrittenSpan);
    }

    public GrainCall DecodeRequest(ReadOnlySpan<byte> body)
    {
        var target = new GrainId(ReadString(ref body), ReadString(ref body));
        var method = methods.Find(ReadString(ref body));
        var arguments = new object?[ReadInt(ref body)];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = JsonSerializer.Deserialize(ReadBytes(ref body), method.ParameterTypes[i], GrainJson.Options);
        }

        return new GrainCall(target, method, arguments);
    }

    public static byte[] EncodeResponse(long id, GrainMethod method, object? result) =>
        Frame(FrameKind.Response, id, method.ResultType is null ? [] : JsonSerializer.SerializeToUtf8Bytes(result, method.ResultType, GrainJson.Options));

    public static object? DecodeResult(GrainMethod method, ReadOnlySpan<byte> body) =>
        method.ResultType is null ? null : JsonSerializer.Deserialize(body, method.ResultType, GrainJson.Options);

    public static byte[] EncodeFailure(long id, Exception exception)
    {
        var type = exception.GetType();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(Exception) && p.DeclaringType!.IsSubclassOf(typeof(Exception)) && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Value: TrySerialize(p.GetValue(exception), p.PropertyType)))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => p.Value!.Value);
        var error = new RemoteError(type.AssemblyQualifiedName ?? type.FullName!, exception.Message, properties);
        return Frame(FrameKind.Failure, id, JsonSerializer.SerializeToUtf8Bytes(error, GrainJson.Options));
    }

    /// <summary>Rebuilds the remote exception as its own type when a constructor matches its properties, so callers can catch it as usual.</summary>
    public static Exception DecodeFailure(ReadOnlySpan<byte> body)
    {
        var error = JsonSerializer.Deserialize<RemoteError>(body, GrainJson.Options)!;
        var type = Type.GetType(error.Type, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type))
        {
            foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
            {
                if (TryBind(constructor, error) is { } arguments)
                {
                    try
                    {
                        return (Exception)constructor.Invoke(arguments);
                    }
                    catch (TargetInvocationException)
                    {
                        // That constructor rejected the values; try the next one.
                    }
                }
            }
        }

        return new RemoteGrainException(type?.Name ?? error.Type, error.Message);
    }

    private static object?[]? TryBind(ConstructorInfo constructor, RemoteError error)
    {
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.Name == "message" && parameter.ParameterType == typeof(string))
            {
                arguments[i] = error.Message;
            }
            else if (error.Properties.FirstOrDefault(p => string.Equals(p.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } property)
            {
                arguments[i] = property.Value.Deserialize(parameter.ParameterType, GrainJson.Options);
            }
            else if (parameter.HasDefaultValue)
            {
                arguments[i] = parameter.DefaultValue;
            }
            else
            {
                return null;
            }
        }

        return arguments;
    }

    private static JsonElement? TrySerialize(object? value, Type type)
    {
        try
        {
            return JsonSerializer.SerializeToElement(value, type, GrainJson.Options);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Frame(FrameKind kind, long id, ReadOnlySpan<byte> body)
    {
        var frame = new byte[HeaderSize + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 1 + 8 + body.Length);
        frame[4] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(5), id);
        body.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    private static void WriteInt(IBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        WriteInt(writer, bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteString(IBufferWriter<byte> writer, string text) => WriteBytes(writer, Encoding.UTF8.GetBytes(text));

    private static int ReadInt(ref ReadOnlySpan<byte> body)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(body);
        body = body[4..];
        return value;
    }

    private static ReadOnlySpan<byte> ReadBytes(ref ReadOnlySpan<byte> body)
    {
        var length = ReadInt(ref body);
        var bytes = body[..length];
        body = body[length..];
        return bytes;
    }

    private static string ReadString(ref ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(ReadBytes(ref body));
}
