using System.Text.Json;
using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>A product's name and unit kinds come from configuration alone, exactly as given.</summary>
public sealed class ProductTests
{
    [Fact]
    public async Task Configured_unit_kinds_replace_the_default_ones_in_the_product_and_the_demo_property()
    {
        var (product, roomTypes) = await StartAsync(new Dictionary<string, string?>
        {
            ["Product:Name"] = "Real Estate",
            ["Product:UnitKinds:0"] = "land",
            ["Product:UnitKinds:1"] = "villa",
            ["Product:UnitKinds:2"] = "business",
        });

        Assert.Equal("Real Estate", product.GetProperty("name").GetString());
        // Not appended to the defaults (double, suite): the configuration binder appends to a list it finds.
        Assert.Equal(["land", "villa", "business"], Strings(product.GetProperty("unitKinds")));
        Assert.Equal(["land", "villa", "business"], roomTypes);
    }

    [Fact]
    public async Task Without_configuration_a_product_is_a_hotel_with_double_rooms_and_suites()
    {
        var (product, roomTypes) = await StartAsync(new Dictionary<string, string?>());

        Assert.Equal("Actors Stays", product.GetProperty("name").GetString());
        Assert.Equal(["double", "suite"], Strings(product.GetProperty("unitKinds")));
        Assert.Equal(["double", "suite"], roomTypes);
    }

    private static async Task<(JsonElement Product, IReadOnlyList<string> DemoRoomTypes)> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Demo:Seed"] = "true";
        await using var database = await TestDatabase.CreateAsync();
        await using var app = await BookingApp.StartAsync(database.ConnectionString, settings);
        var product = await (await app.Client.GetAsync(new Uri("/api/product", UriKind.Relative))).ReadAsync();
        var property = await (await app.Client.GetAsync(new Uri("/api/orgs/demo/properties/harbour-view", UriKind.Relative))).ReadAsync();
        var roomTypes = property.GetProperty("roomTypes").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        return (product, roomTypes);
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
