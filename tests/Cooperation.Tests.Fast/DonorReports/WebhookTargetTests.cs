using System.Net;
using Cooperation.Contracts.Common;
using Cooperation.Gateway.DonorReports;
using Cooperation.Reports;
using Cooperation.Reports.Delivery;
using Cooperation.Tests.Support;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cooperation.Tests.DonorReports;

/// <summary>
/// Webhook targets outside development: https to public addresses only, unless the operator's
/// allow-list names the host, address or network; checked when saved and again at send time,
/// after name resolution, at every connection (real HTTP to a loopback receiver).
/// </summary>
public sealed class WebhookTargetTests
{
    private static readonly Dictionary<string, IPAddress[]> Dns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hooks.example.org"] = [IPAddress.Parse("93.184.215.14")],
        ["intranet.example.org"] = [IPAddress.Parse("10.1.2.3")],
        ["mixed.example.org"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("192.168.1.9")],
        ["loopback.example.test"] = [IPAddress.Loopback],
    };

    private static WebhookTargets Targets(string[]? allowed = null, string environment = "Production", IDictionary<string, IPAddress[]>? dns = null) => new(
        Options.Create(new DonorReportOptions { Webhooks = new() { AllowedTargets = allowed ?? [] } }),
        new Environment(environment),
        (host, _) => (dns ?? Dns).TryGetValue(host, out var addresses) ? Task.FromResult(addresses)
            : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));

    public static TheoryData<string> Refused => new()
    {
        "http://hooks.example.org/hook",          // not https
        "https://127.0.0.1:9/hook",               // loopback
        "https://127.0.0.2/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data", // link-local (cloud metadata)
        "https://[fe80::1]/hook",
        "https://10.0.0.5/hook",                  // private
        "https://172.20.1.1/hook",
        "https://192.168.1.1/hook",
        "https://[fd00::5]/hook",
        "https://100.64.0.1/hook",                // shared address space
        "https://0.0.0.0/hook",
        "https://[::ffff:10.0.0.5]/hook",         // IPv4 mapped into IPv6
        "https://intranet.example.org/hook",      // a name resolving to a private address
        "https://mixed.example.org/hook",         // one of its addresses private
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Outside_development_a_non_public_or_plain_http_target_is_refused_when_saved(string url)
    {
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => Targets().CheckSavedAsync(url, "webhook_url"));

        Assert.Equal("webhook_url", Assert.Single(error.Violations).Field);
    }

    [Theory]
    [InlineData("https://hooks.example.org/hook")]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("https://not-yet-in-dns.example.org/hook")] // checked again when sending
    public async Task Https_to_a_public_address_is_taken(string url) => await Targets().CheckSavedAsync(url, "webhook_url");

    [Theory]
    [InlineData("10.0.0.0/8", "http://10.1.2.3:8080/hook")]
    [InlineData("10.1.2.3", "https://intranet.example.org/hook")]
    [InlineData("intranet.example.org", "http://intranet.example.org/hook")]
    [InlineData("127.0.0.1", "http://127.0.0.1:9/hook")]
    public async Task The_operators_allow_list_admits_a_host_address_or_network(string allowed, string url) =>
        await Targets([allowed]).CheckSavedAsync(url, "webhook_url");

    [Fact]
    public async Task In_development_every_target_is_taken() =>
        await Targets(environment: Environments.Development).CheckSavedAsync("http://127.0.0.1:9/hook", "webhook_url");

    [Fact]
    public async Task At_send_time_a_name_that_now_resolves_to_a_private_address_is_refused_before_any_connection()
    {
        // Saved while it resolved to a public address; now it points inside.
        var dns = new Dictionary<string, IPAddress[]>(Dns) { ["rebinding.example.org"] = [IPAddress.Parse("93.184.215.14")] };
        var targets = Targets(dns: dns);
        await targets.CheckSavedAsync("https://rebinding.example.org/hook", "webhook_url");
        dns["rebinding.example.org"] = [IPAddress.Parse("169.254.169.254")];
        using var http = new HttpClient(targets.Handler());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            new WebhookSender(http, targets).PostAsync("https://rebinding.example.org/hook", "secret", "{}", "reference"));

        Assert.Contains("169.254.169.254", error.Message);
    }

    [Fact]
    public async Task Every_connection_is_checked_after_resolution_so_a_name_is_sent_to_only_while_it_resolves_to_an_admitted_address()
    {
        using var receiver = new WebhookReceiver(anyHostName: true);
        var port = new Uri(receiver.Url).Port;
        var url = $"http://loopback.example.test:{port}/hook/";
        var allowed = Targets(["127.0.0.1"]);
        using (var http = new HttpClient(allowed.Handler()))
            await new WebhookSender(http, allowed).PostAsync(url, "secret", "{\"a\":1}", "reference");
        Assert.Single(receiver.Received);

        // The same name, the address no longer on the list: refused at connect time as well as by the check before.
        var refused = Targets(["127.0.0.2"]);
        using (var http = new HttpClient(refused.Handler()))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => new WebhookSender(http, refused).PostAsync(url, "secret", "{}", "reference"));
            using var direct = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{}") };
            var atConnect = await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(direct));
            Assert.Contains("not a public address", atConnect.Message + atConnect.InnerException?.Message);
        }
        Assert.Single(receiver.Received);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Cooperation.Gateway";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
