using Actors.Grains.Abstractions.Properties;

namespace Actors.Grains.Abstractions.Events;

/// <summary>A manager changed a property's settings.</summary>
public sealed record PropertySettingsChanged(string PropertyId, PropertySettings Settings);
