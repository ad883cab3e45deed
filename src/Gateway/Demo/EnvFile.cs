namespace Cooperation.Gateway.Demo;

/// <summary>
/// The demo's files of variables (NAME=value lines, # comments) for <c>source</c> in a shell:
/// written readable by their owner only, since they hold keys and passwords of the local platform.
/// </summary>
internal static class EnvFile
{
    /// <summary>The variables of the file at <paramref name="path"/>, by name; none when it does not exist.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(string path)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return variables;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            if (line.Split('=', 2) is [var name, var value] && !name.StartsWith('#'))
                variables[name.Trim()] = value.Trim();
        }
        return variables;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, readable and writable by its owner only.</summary>
    public static async Task WriteAsync(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
