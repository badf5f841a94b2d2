using Actors.Api.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Actors.Browser.Tests;

/// <summary>What a guest does on the booking page, step by step, as a person would.</summary>
public static class Guests
{
    /// <summary>Books a double room for the nights [from, to) days from today and returns the private link shown at the end.</summary>
    public static async Task<string> BookDoubleAsync(IPage guest, string name, int from, int to)
    {
        await guest.GetByLabel("Check-in").FillAsync(ApiFixture.Day(from));
        await guest.GetByLabel("Check-out").FillAsync(ApiFixture.Day(to));
        await guest.GetByLabel("Guests").SelectOptionAsync(new SelectOptionValue { Label = "2 guests" });
        await guest.GetByRole(AriaRole.Button, new() { Name = "Search rooms" }).ClickAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Choose Double" }).ClickAsync();
        await guest.GetByLabel("Full name").FillAsync(name);
        await guest.GetByLabel("Email").FillAsync("guest@example.com");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Hold this room" }).ClickAsync();
        await Expect(guest.GetByText("We are holding a Double for you")).ToBeVisibleAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "You're booked" })).ToBeVisibleAsync();
        return await guest.Locator("#private-link").GetAttributeAsync("href") ?? "";
    }
}
