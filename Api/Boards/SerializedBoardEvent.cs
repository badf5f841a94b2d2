using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Persistence.EventLog;

namespace Actors.Api.Boards;

/// <summary>
/// A <see cref="BoardEvent"/> already in its JSON form. A node serializes each event once and every
/// board connection copies the same bytes, instead of each connection serializing it again.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class SerializedBoardEvent
{
    private SerializedBoardEvent(long sequence, byte[] json) => (Sequence, Json) = (sequence, json);

    public long Sequence { get; }

    public ReadOnlyMemory<byte> Json { get; }

    public static SerializedBoardEvent From(RecordedEvent recorded)
    {
        using var buffer = new MemoryStream(recorded.Payload.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", recorded.Sequence);
            writer.WriteString("type", recorded.EventType);
            writer.WritePropertyName("data");
            writer.WriteRawValue(recorded.Payload, skipInputValidation: true);
            writer.WriteString("recordedAt", recorded.RecordedAt);
            writer.WriteEndObject();
        }

        return new SerializedBoardEvent(recorded.Sequence, buffer.ToArray());
    }

    private sealed class Converter : JsonConverter<SerializedBoardEvent>
    {
        public override SerializedBoardEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Board events are only sent.");

        public override void Write(Utf8JsonWriter writer, SerializedBoardEvent value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json.Span, skipInputValidation: true);
    }
}
