using Orleans;
using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A manager changed a property's settings.</summary>
[GenerateSerializer, Immutable, Alias("PropertySettingsChanged")]
public sealed record PropertySettingsChanged(string PropertyId, PropertySettings Settings);
