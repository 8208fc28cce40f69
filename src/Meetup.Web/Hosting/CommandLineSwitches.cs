namespace Meetup.Web.Hosting;

internal static class CommandLineSwitches
{
    /// <summary>
    /// Turns friendly switches into configuration keys before the host reads them: a bare
    /// <c>--seed-demo</c> would otherwise swallow the next argument as its value.
    /// </summary>
    public static string[] Expand(string[] args)
        => [.. args.Select(a => a == "--seed-demo" ? "--Meetup:SeedDemo=true" : a)];
}
