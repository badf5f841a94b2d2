using Actors.Grains.Abstractions.Webhooks;

namespace Actors.Api.Exports;

/// <summary>
/// One organization's data as a file an owner keeps or loads elsewhere: properties with their rooms,
/// rates and bookings, members without passwords, webhook endpoints without secrets. Fields are
/// nullable because an import reads what a person may have edited: a missing one is named, not guessed.
/// </summary>
public sealed record OrganizationDocument(
    string? Format,
    int? Version,
    DateTimeOffset? ExportedAt,
    ExportedOrganization? Organization,
    IReadOnlyList<ExportedProperty?>? Properties,
    IReadOnlyList<ExportedMember?>? Members,
    IReadOnlyList<WebhookEndpoint>? WebhookEndpoints)
{
    public const string FormatName = "booking-platform/organization";

    public const int CurrentVersion = 1;
}
