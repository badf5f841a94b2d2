using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests;

/// <summary>
/// Two products side by side, started the way an operator starts them: deploy/products.sh runs the
/// "bestays" and "realestate" profiles at once on one server. A booking made in one never appears
/// in the other, over HTTP or in its database.
/// </summary>
public sealed class ProductsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Org = "demo";
    private const string Property = "harbour-view";

    // The demo owner each product seeds; the operator sets its password (Demo__OwnerPassword) rather than read a random one from the log.
    private const string DemoOwner = "demo@example.com";
    private const string DemoPassword = "products-side-by-side-demo";
    private const string OperatorKey = "products-operator-key-0123456789";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Fresh databases per run ("t_<id>_bestays"), so parallel runs on one server never collide.
    private readonly string prefix = $"t_{Guid.NewGuid():N}"[..14] + "_";
    private readonly string runDirectory = Path.Combine(Path.GetTempPath(), $"actors-products-test-{Guid.NewGuid():N}");
    private string server = null!;
    private int bestaysPort;
    private int realEstatePort;

    private string BeStaysDatabase => prefix + "bestays";

    private string RealEstateDatabase => prefix + "realestate";

    public Task InitializeAsync()
    {
        server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run the tests with ./tests/run.sh.");

        // The profiles fix ports 5301 and 5302; a busy machine may hold them, so take free ones.
        bestaysPort = NodeProcess.FreePort();
        do
        {
            realEstatePort = NodeProcess.FreePort();
        }
        while (realEstatePort == bestaysPort);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Stopping twice is harmless: the script only signals processes that are still ours.
        if (Directory.Exists(runDirectory))
        {
            await RunScriptAsync(TimeSpan.FromMinutes(2), "stop", runDirectory);
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var database in new[] { BeStaysDatabase, RealEstateDatabase })
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Two_product_profiles_run_at_once_from_one_command_and_a_booking_in_one_never_appears_in_the_other()
    {
        var start = await RunScriptAsync(
            TimeSpan.FromMinutes(6),
            "--detach", "--no-build", "--configuration", Repository.Configuration, "--run-dir", runDirectory, "bestays", "realestate");
        Assert.True(start.ExitCode == 0, $"deploy/products.sh exited with {start.ExitCode}:\n{start.Output}");
        Assert.Contains("BeStays", start.Output, StringComparison.Ordinal);
        Assert.Contains("Real Estate", start.Output, StringComparison.Ordinal);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var bestays = new Uri($"http://127.0.0.1:{bestaysPort}");
        var realEstate = new Uri($"http://127.0.0.1:{realEstatePort}");

        // Each is the product its profile names, with the unit kinds its profile lists.
        var bestaysProduct = await http.GetFromJsonAsync<ProductAnswer>(new Uri(bestays, "/api/product"));
        var realEstateProduct = await http.GetFromJsonAsync<ProductAnswer>(new Uri(realEstate, "/api/product"));
        Assert.Equal("BeStays", bestaysProduct!.Name);
        Assert.Equal(["apartment", "house", "villa"], bestaysProduct.UnitKinds);
        Assert.Equal("Real Estate", realEstateProduct!.Name);
        Assert.Equal(["land", "villa", "business"], realEstateProduct.UnitKinds);

        // The operator key reaches the product it was given to, and only that one: the other's operator endpoints stay shut.
        Assert.Equal(HttpStatusCode.OK, await OperatorStatusAsync(http, bestays));
        Assert.Equal(HttpStatusCode.Forbidden, await OperatorStatusAsync(http, realEstate));

        // Both seeded the same demo ids ("demo/harbour-view", unit 101 the first of each kind), so
        // the same path exists in both: only separate storage keeps them apart.
        var booking = new HttpRequestMessage(HttpMethod.Post, new Uri(bestays, $"/api/orgs/{Org}/bookings"))
        {
            Content = JsonContent.Create(new
            {
                propertyId = Property,
                roomId = "101",
                checkIn = Day(30),
                checkOut = Day(33),
                guest = new { name = "Side By Side", email = "side.by.side@example.com" },
            }),
        };
        // The same key gives the same booking id in any product (it is derived from org and key).
        booking.Headers.Add("Idempotency-Key", "products-side-by-side");
        using var created = await http.SendAsync(booking);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var made = await created.Content.ReadFromJsonAsync<BookingAnswer>();
        var path = created.Headers.Location!.OriginalString;
        Assert.Equal("apartment", made!.RoomType);
        output.WriteLine($"booked {path} in BeStays: {made.RoomId} ({made.RoomType})");

        // Reading bookings and rooms is for the demo's staff: sign in as its owner in each product.
        // Each product signs with its own key, so a sign-in to one is no sign-in to the other.
        var bestaysToken = await SignInAsync(http, bestays);
        var realEstateToken = await SignInAsync(http, realEstate);
        using (var foreignToken = await SendAsync(http, realEstate, $"/api/orgs/{Org}/properties/{Property}/rooms/101", bestaysToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, foreignToken.StatusCode);
        }

        // Nor is a page's sign-in cookie. A browser sends cookies to every port of a host, so the
        // other product sees it; it is named after its product, and under the other's name the
        // other's own keys cannot read it.
        var jar = new CookieContainer();
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var signedIn = await browser.PostAsJsonAsync(new Uri(bestays, "/api/session"), new { email = DemoOwner, password = DemoPassword });
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            using var home = await browser.GetAsync(new Uri(bestays, "/api/me"));
            using var sentAlong = await browser.GetAsync(new Uri(realEstate, "/api/me"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, sentAlong.StatusCode);
            var cookie = Assert.Single(jar.GetCookies(bestays), c => c.Name == "bestays.session");
            using var renamed = new HttpRequestMessage(HttpMethod.Get, new Uri(realEstate, "/api/me"));
            renamed.Headers.Add("Cookie", $"real-estate.session={cookie.Value}");
            using var underOtherName = await http.SendAsync(renamed);
            Assert.Equal(HttpStatusCode.Unauthorized, underOtherName.StatusCode);
        }

        // Visible where it was made ...
        var seen = JsonSerializer.Deserialize<BookingAnswer>(await ReadAsync(http, bestays, path, bestaysToken), Web);
        Assert.Equal(made.Id, seen!.Id);
        Assert.Contains(made.Id, await ReadAsync(http, bestays, $"/api/orgs/{Org}/properties/{Property}/rooms/101", bestaysToken), StringComparison.Ordinal);

        // ... and not in the other product, at the same path (asked as a member there, so not found means not there), nor on its unit 101.
        using var elsewhere = await SendAsync(http, realEstate, path, realEstateToken);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var otherRoom = await ReadAsync(http, realEstate, $"/api/orgs/{Org}/properties/{Property}/rooms/101", realEstateToken);
        Assert.Contains("Land 101", otherRoom, StringComparison.Ordinal);
        Assert.DoesNotContain(made.Id, otherRoom, StringComparison.Ordinal);

        // Nor anywhere in the other product's database; the same queries find it in its own.
        Assert.Equal(1L, await CountAsync(BeStaysDatabase, "SELECT count(*) FROM grain_state WHERE grain_type = 'booking' AND grain_key = $1", $"{Org}/{made.Id}"));
        Assert.Equal(1L, await CountAsync(BeStaysDatabase, "SELECT count(*) FROM stays WHERE booking_id = $1", made.Id));
        Assert.True(await CountAsync(BeStaysDatabase, "SELECT count(*) FROM event_log WHERE strpos(payload::text, $1) > 0", made.Id) > 0);
        Assert.Equal(0L, await CountAsync(RealEstateDatabase, "SELECT count(*) FROM grain_state WHERE grain_type = 'booking'"));
        Assert.Equal(0L, await CountAsync(RealEstateDatabase, "SELECT count(*) FROM stays"));
        Assert.Equal(0L, await CountAsync(RealEstateDatabase, "SELECT count(*) FROM event_log WHERE strpos(payload::text, $1) > 0", made.Id));

        // Nothing shared: each database's membership holds its own product's node only.
        Assert.Equal(1L, await CountAsync(BeStaysDatabase, "SELECT count(*) FROM orleans_membership WHERE status = 3"));
        Assert.Equal(1L, await CountAsync(RealEstateDatabase, "SELECT count(*) FROM orleans_membership WHERE status = 3"));

        // The same command stops them: both processes are gone afterwards.
        var pids = File.ReadAllLines(Path.Combine(runDirectory, "nodes")).Select(line => int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, pids.Count);
        var stop = await RunScriptAsync(TimeSpan.FromMinutes(2), "stop", runDirectory);
        Assert.True(stop.ExitCode == 0, $"deploy/products.sh stop exited with {stop.ExitCode}:\n{stop.Output}");
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"pid {pid} still runs after stop"));
    }

    /// <summary>Signs in as the demo owner at one product, as the operator would, and returns the token.</summary>
    private static async Task<string> SignInAsync(HttpClient http, Uri product)
    {
        using var response = await http.PostAsJsonAsync(new Uri(product, "/api/sign-in"), new { email = DemoOwner, password = DemoPassword });
        Assert.True(response.IsSuccessStatusCode, $"sign-in at {product}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SignInAnswer>())!.Token;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri product, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(product, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    /// <summary>GETs path as the signed-in demo owner and returns the body, failing with the server's answer otherwise.</summary>
    private static async Task<string> ReadAsync(HttpClient http, Uri product, string path, string token)
    {
        using var response = await SendAsync(http, product, path, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {product}{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // Whether pid is still a product's API process. A process that has exited but is not yet
    // reaped by its new parent (the script that started it is gone) is a zombie with an empty
    // command line: it runs nothing, as the script's own check has it too.
    private static bool IsRunning(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("Actors.Api.dll", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private async Task<long> CountAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    // deploy/products.sh as an operator runs it, on the test's server, with the free ports and
    // fresh database names given through the script's environment overrides.
    private async Task<(int ExitCode, string Output)> RunScriptAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", "products.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A small pool per product: other test classes share this server's connection limit.
        start.Environment["POSTGRES_SERVER"] = new NpgsqlConnectionStringBuilder(server) { MaxPoolSize = 20 }.ConnectionString;
        start.Environment["PRODUCTS_DATABASE_PREFIX"] = prefix;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["BESTAYS_PORT"] = bestaysPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["REALESTATE_PORT"] = realEstatePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // One product gets an operator key from the environment, as an operator gives it; the other none.
        start.Environment["BESTAYS_OPERATIONS_KEY"] = OperatorKey;
        start.Environment["Demo__OwnerPassword"] = DemoPassword;

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append($"(killed after {timeout})");
        }

        var all = text.ToString();
        output.WriteLine($"$ deploy/products.sh {string.Join(' ', arguments)}\n{all}");
        return (process.ExitCode, all);

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (text)
                {
                    text.AppendLine(line);
                }
            }
        }
    }

    private sealed record ProductAnswer(string Name, IReadOnlyList<string> UnitKinds);

    private sealed record BookingAnswer(string Id, string RoomId, string RoomType);

    private sealed record SignInAnswer(string Token);

    private static async Task<HttpStatusCode> OperatorStatusAsync(HttpClient http, Uri product)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(product, "/operations/dead-letters"));
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
