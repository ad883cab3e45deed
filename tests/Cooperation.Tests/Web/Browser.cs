using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Net.Http.Headers;

namespace Cooperation.Tests.Web;

/// <summary>A page as a browser got it: status, where it redirects, its HTML, the cookies it set.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Location">The redirect target, if any.</param>
/// <param name="Html">The body.</param>
/// <param name="SetCookies">The Set-Cookie headers, as sent.</param>
public sealed record WebPage(HttpStatusCode Status, string? Location, string Html, IReadOnlyList<string> SetCookies)
{
    /// <summary>The Set-Cookie header of the cookie <paramref name="name"/>, or null.</summary>
    public string? Cookie(string name) => SetCookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}

/// <summary>
/// A browser of a web host in a test server: keeps its cookies, does not follow redirects (tests
/// look at them), and posts forms with the anti-forgery token of the last page it read, as a form of
/// that page would.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A browser of <paramref name="app"/> over http, or https (cookies marked Secure then travel).</summary>
    public Browser(WebApplication app, bool https = false)
    {
        Cookies = new CookieContainer();
        BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/");
        _http = new HttpClient(new CookieHandler(Cookies, app.GetTestServer().CreateHandler())) { BaseAddress = BaseAddress };
    }

    /// <summary>The cookies it holds.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>Where it browses.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Accept-Language it sends (null: none).</summary>
    public string? AcceptLanguage { get; set; }

    /// <summary>The last page read.</summary>
    public WebPage? Last { get; private set; }

    /// <summary>Gets <paramref name="path"/>.</summary>
    public Task<WebPage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="path"/>, with the anti-forgery token of the
    /// last page read unless <paramref name="token"/> is false (or another token is given in the fields).
    /// </summary>
    public Task<WebPage> PostAsync(string path, IReadOnlyDictionary<string, string> fields, bool token = true)
    {
        var form = new Dictionary<string, string>(fields);
        if (token && !form.ContainsKey(TokenField) && Last is not null && TokenOf(Last.Html) is { } value)
            form[TokenField] = value;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    /// <summary>
    /// Posts <paramref name="fields"/>, where a name may come more than once (as ticked checkboxes
    /// send it), with the anti-forgery token of the last page read.
    /// </summary>
    public Task<WebPage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = fields.ToList();
        if (!form.Any(f => f.Key == TokenField) && Last is not null && TokenOf(Last.Html) is { } value)
            form.Add(new(TokenField, value));
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    /// <summary>Gets <paramref name="path"/> as bytes (a download), with its media type.</summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> DownloadAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Posts <paramref name="fields"/> and a file (<paramref name="fileField"/>, named <paramref name="fileName"/>,
    /// holding <paramref name="content"/>) as a multipart form, with the anti-forgery token of the last page read.
    /// </summary>
    public Task<WebPage> PostFileAsync(string path, IReadOnlyDictionary<string, string> fields, string fileField, string fileName, byte[] content,
        string contentType = "text/csv")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        if (!fields.ContainsKey(TokenField) && Last is not null && TokenOf(Last.Html) is { } token)
            form.Add(new StringContent(token), TokenField);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = form });
    }

    /// <summary>Gets <paramref name="path"/>, then posts <paramref name="fields"/> to it as its form would.</summary>
    public async Task<WebPage> SubmitAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        await GetAsync(path);
        return await PostAsync(path, fields);
    }

    /// <summary>The anti-forgery form field.</summary>
    public const string TokenField = "__coop_form";

    /// <summary>The session cookie's value, or null.</summary>
    public string? SessionCookie => Cookies.GetCookies(BaseAddress)["coop.session"]?.Value;

    private async Task<WebPage> SendAsync(HttpRequestMessage request)
    {
        if (AcceptLanguage is not null)
            request.Headers.TryAddWithoutValidation(HeaderNames.AcceptLanguage, AcceptLanguage);
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? values.ToList() : [];
        Last = new WebPage(response.StatusCode, response.Headers.Location?.OriginalString, html, cookies);
        return Last;
    }

    private static string? TokenOf(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("name=\"" + TokenField + "\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    /// <summary>Keeps cookies across requests, as a browser does (the test server's handler does not).</summary>
    private sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
                request.Headers.Add(HeaderNames.Cookie, header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues(HeaderNames.SetCookie, out var values))
            {
                foreach (var value in values)
                    cookies.SetCookies(uri, value);
            }
            return response;
        }
    }
}
