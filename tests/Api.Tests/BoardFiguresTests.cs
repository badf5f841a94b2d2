using Actors.Persistence.Testing;
using Xunit;

namespace Actors.Api.Tests;

/// <summary>A live board gets tonight's figures when it follows, and again after each change settles.</summary>
public sealed class BoardFiguresTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_board_gets_tonights_figures_when_it_follows_and_after_each_change()
    {
        var org = await api.OpenHotelAsync(doubles: 2, suites: 1);
        await using var board = await BoardClient.ConnectAsync(api.App, api.OwnerToken);
        await board.FollowUntilAsync(org, 0, received => received.Count > 0);
        var first = await Eventually.Until(() => Task.FromResult(board.Figures.LastOrDefault()), f => f is not null);
        Assert.Equal((3, 0, 0), (first!.Rooms, first.RoomsSold, first.Arrivals));

        var booking = (await api.Client.PostAsync($"/api/orgs/{org}/bookings", ApiFixture.Stay("d1", 0, 2)).OkAsync()).GetProperty("id").GetString();
        await api.Client.PostAsync($"/api/orgs/{org}/bookings/{booking}/confirm", null).OkAsync();
        await api.Client.PutAsync($"/api/orgs/{org}/properties/hotel/rooms/d2/housekeeping", new { status = "OutOfOrder" }).OkAsync();

        var tonight = await Eventually.Until(() => Task.FromResult(board.Figures.LastOrDefault()), f => f!.RoomsSold == 1 && f.OutOfOrder == 1);
        Assert.Equal((ApiFixture.Today, 3, 1, 1, 0.5m, 1, 0, 0), (tonight!.Night, tonight.Rooms, tonight.OutOfOrder, tonight.RoomsSold, tonight.Occupancy, tonight.Arrivals, tonight.Departures, tonight.InHouse));
    }
}
