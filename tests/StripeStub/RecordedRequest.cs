namespace Actors.StripeStub;

/// <summary>
/// One request the stub received, as sent: method, path, Idempotency-Key, the API key it authenticated
/// with, and the form fields in order (bracket notation kept, e.g. "metadata[booking_id]"); then what
/// the stub answered, and whether that answer was a replay of an earlier one with the same key.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? IdempotencyKey,
    string? ApiKey,
    IReadOnlyList<KeyValuePair<string, string>> Form,
    int Status,
    bool Replayed)
{
    public string? Field(string name) => Form.FirstOrDefault(f => f.Key == name).Value;
}
