namespace ChatApp.Testing;

public static class RepositoryRoot
{
    /// <summary>The checkout the tests run from: the nearest folder upwards holding ChatApp.sln.</summary>
    public static string Path { get; } = Find();

    public static string Script(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChatApp.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ChatApp.sln above {AppContext.BaseDirectory}.");
    }
}
