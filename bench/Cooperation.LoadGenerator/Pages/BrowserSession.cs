using System.Net;
using System.Text.RegularExpressions;

namespace Cooperation.LoadGenerator;

/// <summary>
/// One signed-in person's browser, as far as the web host can tell: its own cookie jar and
/// connection, signed in once through the real sign-in form (anti-forgery token and all), then
/// fetching pages with the session cookie. Redirects are not followed: a page answered with the
/// sign-in page (or a redirect to it) is a failure, never a success.
/// </summary>
public sealed partial class BrowserSession : IDisposable
{
    /// <summary>The sign-in form's address.</summary>
    public const string SignInPath = "/account/sign-in";

    /// <summary>The anti-forgery field of the web host's forms.</summary>
    private const string FormTokenField = "__coop_form";

    private readonly HttpClient _client;

    private BrowserSession(Uri web)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1,
        })
        { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A new browser at <paramref name="web"/>, signed in as <paramref name="email"/>: the form, its token, the post, the session cookie.</summary>
    public static async Task<BrowserSession> SignInAsync(Uri web, string email, string password, CancellationToken ct)
    {
        var session = new BrowserSession(web);
        try
        {
            using var form = await session._client.GetAsync(SignInPath, ct);
            var html = await form.Content.ReadAsStringAsync(ct);
            if (form.StatusCode != HttpStatusCode.OK || FormToken(html) is not { } token)
                throw new PageFailure($"GET {SignInPath} answered {(int)form.StatusCode} without a form token");
            using var post = await session._client.PostAsync(SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = password,
                ["returnUrl"] = "",
                [FormTokenField] = token,
            }), ct);
            // Signed in: a redirect home. The form again (200) means refused; 429 is the rate limit.
            if (post.StatusCode != HttpStatusCode.Redirect || post.Headers.Location?.OriginalString != "/")
                throw new PageFailure($"signing in as {email} answered {(int)post.StatusCode} {post.Headers.Location}: " +
                    (post.StatusCode == HttpStatusCode.TooManyRequests ? "rate limited (Web:FormsPerClientPerMinute, Web:AttemptsPerAddressPerMinute)" : "refused"));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fetches the page at <paramref name="path"/>; it must answer 200 with HTML holding
    /// <paramref name="marker"/> (something only that page shows). Returns the server's own time
    /// for it (its <c>Server-Timing</c>), if it said.
    /// </summary>
    public async Task<ServerTime?> PageAsync(string path, string marker)
    {
        using var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new PageFailure($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        if (!html.Contains(marker, StringComparison.Ordinal))
            throw new PageFailure(html.Contains($"action=\"{SignInPath}", StringComparison.Ordinal) || html.Contains("name=\"password\"", StringComparison.Ordinal)
                ? $"GET {path} answered the sign-in page"
                : $"GET {path} answered a page without \"{marker}\"");
        return ServerTime.Of(response);
    }

    private static string? FormToken(string html) =>
        FormTokenInput().Match(html) is { Success: true } input && TokenValue().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : null;

    [GeneratedRegex("<input[^>]*name=\"" + FormTokenField + "\"[^>]*>")]
    private static partial Regex FormTokenInput();

    [GeneratedRegex("value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();
}

/// <summary>An answer that is not the page (or JSON) asked for.</summary>
public sealed class PageFailure(string message) : Exception(message);
