using System.Diagnostics;

namespace Cooperation.Tests.Support;

/// <summary>PDFs read back as a reader's tools read them: Debian's poppler-utils (installed by ops/test.sh).</summary>
public static class PdfFiles
{
    /// <summary>The text of <paramref name="pdf"/> as <c>pdftotext</c> extracts it (what search and copy give).</summary>
    public static Task<string> TextAsync(byte[] pdf, params string[] options) => RunAsync("pdftotext", pdf, [.. options], "-");

    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] options, string output)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo(tool, [.. options, file, output]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
