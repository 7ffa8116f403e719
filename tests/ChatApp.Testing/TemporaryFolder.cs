namespace ChatApp.Testing;

internal static class TemporaryFolder
{
    public static string Create(string what)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatapp-test-{what}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }
}
