using System.Text.Json.Nodes;
using Actors.Api.Auth;
using Actors.Api.Bookings;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Actors.Api.Reference;

/// <summary>Examples for the requests a newcomer sends first: open an organization, sign in (or reset a password), hold a room.</summary>
internal sealed class RequestExamples : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(SignUpRequest)] = """
            {"organizationId": "seaside", "organizationName": "Seaside Hotels", "plan": "Standard", "email": "owner@seaside.example", "name": "Maria Owner", "password": "correct horse battery"}
            """,
        [typeof(SignInRequest)] = """
            {"email": "owner@seaside.example", "password": "correct horse battery"}
            """,
        [typeof(PasswordResetRequest)] = """
            {"email": "owner@seaside.example"}
            """,
        [typeof(NewPasswordRequest)] = """
            {"token": "BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSY", "password": "a new long passphrase"}
            """,
        [typeof(CreateBookingRequest)] = """
            {"propertyId": "harbour", "roomType": "double", "checkIn": "2026-07-01", "checkOut": "2026-07-04", "guests": 2, "guest": {"name": "Ann Guest", "email": "ann@example.com"}}
            """,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }

        return Task.CompletedTask;
    }
}
