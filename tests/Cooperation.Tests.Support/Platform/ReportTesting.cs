using System.Diagnostics;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Proto = Cooperation.Contracts.Grpc;

namespace Cooperation.Tests.Support;

/// <summary>Steps the report tests share: running "send now" to its end, downloading, reading PDFs and mailed links.</summary>
public static partial class ReportTesting
{
    /// <summary>Runs "send now" for <paramref name="period"/> and waits until its job succeeded.</summary>
    public static async Task<Proto.SendReportNowResult> SendNowAsync(ApiFixture api, string donorId, string subscriptionId, string period)
    {
        var sent = await api.Reporting.SendReportNowAsync(new() { DonorOrganisationId = donorId, SubscriptionId = subscriptionId, Period = period });
        var state = await WaitForJobAsync(api, sent.JobId, SucceededState.StateName, TimeSpan.FromSeconds(60));
        return state == SucceededState.StateName ? sent : throw new InvalidOperationException($"Report job {sent.JobId} ended {state}: {JobFailure(api, sent.JobId)}");
    }

    /// <summary>The state of Hangfire job <paramref name="jobId"/> once it is <paramref name="state"/>, or when <paramref name="timeout"/> passed.</summary>
    public static Task<string?> WaitForJobAsync(ApiFixture api, string jobId, string state, TimeSpan timeout) =>
        WaitForJobAsync(api.Services.GetRequiredService<JobStorage>(), jobId, state, timeout);

    /// <summary>The state of the job <paramref name="jobId"/> of <paramref name="storage"/> once it is <paramref name="state"/>, or when <paramref name="timeout"/> passed.</summary>
    public static async Task<string?> WaitForJobAsync(JobStorage storage, string jobId, string state, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        string? current;
        do
        {
            using var connection = storage.GetConnection();
            current = connection.GetStateData(jobId)?.Name;
            if (current == state)
                return current;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < until);
        return current;
    }

    /// <summary>Why job <paramref name="jobId"/> is not done: its state's reason and, when it failed, the exception.</summary>
    public static string JobFailure(ApiFixture api, string jobId)
    {
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();
        var state = connection.GetStateData(jobId);
        if (state is null)
            return "no state";
        state.Data.TryGetValue("ExceptionDetails", out var details);
        return $"{state.Reason} {details}";
    }

    /// <summary>An archived report's bytes through the gRPC chunk stream.</summary>
    public static async Task<byte[]> DownloadAsync(ApiClients clients, long reportId)
    {
        using var download = clients.Reporting.DownloadReport(new() { ReportId = reportId });
        var bytes = new List<byte>();
        while (await download.ResponseStream.MoveNext(CancellationToken.None))
            bytes.AddRange(download.ResponseStream.Current.Data);
        return [.. bytes];
    }

    /// <summary>The text of a PDF, as Debian's pdftotext reads it (poppler-utils, installed by ops/test.sh).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pdftotext exited {process.ExitCode}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A mail attachment's bytes, decoded.</summary>
    public static async Task<byte[]> BytesAsync(MimeKit.MimePart part)
    {
        using var bytes = new MemoryStream();
        await part.Content!.DecodeToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>The download links in a mail's text.</summary>
    public static IReadOnlyList<string> Links(string text) => [.. LinkPattern().Matches(text).Select(m => m.Value)];

    /// <summary>Runs a program (curl, bash) and gives its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"https?://\S+/v1/reports/\d+/content\?\S+")]
    private static partial Regex LinkPattern();
}
