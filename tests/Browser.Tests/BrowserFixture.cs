using System.Collections.Concurrent;
using Actors.Api.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Actors.Browser.Tests;

/// <summary>
/// The real app on Kestrel over a fresh database, and Chromium. Each person (a guest, a manager, a
/// colleague at the front desk) gets a browser context of their own: separate cookies, storage and
/// connections, as separate browsers would have.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> pageErrors = new();
    private Chromium? chromium;

    public BrowserFixture()
        : this(new ApiFixture())
    {
    }

    /// <summary>The browsers on an app with settings of its own (a test class's own ApiFixture).</summary>
    protected BrowserFixture(ApiFixture api) => Api = api;

    public ApiFixture Api { get; }

    /// <summary>Uncaught script errors of every page so far; a test ends by checking there were none.</summary>
    public IReadOnlyCollection<string> PageErrors => pageErrors;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        await Api.InitializeAsync();
        chromium = await Chromium.LaunchAsync();
    }

    /// <summary>Opens a page in a new person's browser.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1400, int height = 760)
    {
        var context = await chromium!.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.App.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => pageErrors.Enqueue($"{page.Url}: {error}");
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Opens a manager's board of the test hotel, signs in as its owner and waits until it follows the live feed.</summary>
    public async Task<IPage> OpenBoardAsync(string org, int width = 1400)
    {
        var board = await OpenAsync($"/board?org={org}&property=hotel", width);
        await SignInAsync(board);
        await Assertions.Expect(board.GetByRole(AriaRole.Status)).ToContainTextAsync("Live");
        // Set once: still there later only if the page was never reloaded.
        await board.EvaluateAsync("() => { window.sameBoard = true; }");
        return board;
    }

    /// <summary>Signs in on the board's form as the owner of every test hotel, typing what a person would.</summary>
    public async Task SignInAsync(IPage board)
    {
        var form = board.GetByRole(AriaRole.Region, new() { Name = "Sign in to the room board" });
        await form.GetByLabel("Email", new() { Exact = true }).FillAsync(Api.OwnerEmail);
        await form.GetByLabel("Password", new() { Exact = true }).FillAsync(ApiFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync();
    }

    /// <summary>Clicks a room's lane over the given night's column, where a manager clicks to book that night.</summary>
    public static async Task ClickNightAsync(IPage board, string room, string night)
    {
        var lane = board.Locator($".lane[data-room='{room}']");
        await lane.ScrollIntoViewIfNeededAsync();
        var column = (await board.Locator($".night[data-night='{night}']").BoundingBoxAsync())!;
        var box = (await lane.BoundingBoxAsync())!;
        await lane.ClickAsync(new() { Position = new() { X = column.X + column.Width / 2 - box.X, Y = box.Height / 2 } });
    }

    public static async Task<bool> NeverReloadedAsync(IPage board) => await board.EvaluateAsync<bool>("() => window.sameBoard === true");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        await Api.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Actors.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
