namespace Meetup.Testing;

/// <summary>The clone's top folder (the one holding Meetup.sln), for tests that read the sources and tools that need the app's folder.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Meetup.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Meetup.sln not found above " + AppContext.BaseDirectory);
    }
}
