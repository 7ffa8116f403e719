namespace ChatApp.Testing;

internal static class LocalExecutable
{
    /// <summary>Whether <paramref name="name"/> is an absolute path to a file, or found on PATH.</summary>
    public static bool Exists(string name) =>
        Path.IsPathRooted(name)
            ? File.Exists(name)
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Append("/usr/sbin")
                .Any(dir => File.Exists(Path.Combine(dir, name)));
}
