using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Actors.Api.Pages;

/// <summary>
/// The pages people use: sign-up, the setup wizard and the team page, the manager's live board and
/// figures, the guest's booking flow and private link, and the pages mailed links open (a new
/// password, joining a team). Plain files from wwwroot beside the assembly (the build copies them there), so the app
/// finds them wherever it is started from, tests included.
/// </summary>
public static class PageEndpoints
{
    // Scripts, styles and connections only from this origin: the pages build their DOM from data, never from markup strings.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapPages(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The pages change with every deploy and are small: the browser asks again rather than show yesterday's script.
            OnPrepareResponse = context => Protect(context.Context.Response.Headers),
        });

        app.MapGet("/", () => Results.Redirect("/board")).ExcludeFromDescription();
        app.MapGet("/board", (HttpContext context) => Page(context, files, "board.html")).ExcludeFromDescription();
        app.MapGet("/signup", (HttpContext context) => Page(context, files, "signup.html")).ExcludeFromDescription();
        app.MapGet("/setup", (HttpContext context) => Page(context, files, "setup.html")).ExcludeFromDescription();
        app.MapGet("/team", (HttpContext context) => Page(context, files, "team.html")).ExcludeFromDescription();
        app.MapGet("/figures", (HttpContext context) => Page(context, files, "figures.html")).ExcludeFromDescription();
        app.MapGet("/funnel", (HttpContext context) => Page(context, files, "funnel.html")).ExcludeFromDescription();
        app.MapGet("/book/{org}/{property}", (HttpContext context) => Page(context, files, "book.html")).ExcludeFromDescription();
        app.MapGet("/my-booking/{token}", (HttpContext context) => Page(context, files, "my-booking.html")).ExcludeFromDescription();
        app.MapGet("/reset-password", (HttpContext context) => Page(context, files, "reset-password.html")).ExcludeFromDescription();
        app.MapGet("/join", (HttpContext context) => Page(context, files, "join.html")).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext context, IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists)
        {
            return Results.Problem(
                title: "The pages are missing from this build",
                detail: $"wwwroot/{name} was not found beside the application; build the Api project.",
                statusCode: StatusCodes.Status500InternalServerError);
        }

        Protect(context.Response.Headers);
        // The private link is a secret: never send it on to another site.
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.File(file.PhysicalPath!, "text/html; charset=utf-8");
    }

    private static void Protect(IHeaderDictionary headers)
    {
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
    }
}
