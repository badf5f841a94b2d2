using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>Input that breaks a rule, by field name (as the API spells it, e.g. "checkOut").</summary>
[GenerateSerializer, Alias("DomainValidationException")]
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("validation", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")))
    {
        Errors = errors;
    }

    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
