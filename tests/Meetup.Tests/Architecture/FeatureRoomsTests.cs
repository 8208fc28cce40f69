namespace Meetup.Tests.Architecture;

/// <summary>
/// Each folder under Features is a room (its namespace); rooms may lean on lower rooms but never on each other in a
/// loop, and none reaches into Hosting (the host lists the features, not the other way round).
/// </summary>
public class FeatureRoomsTests
{
    private static readonly FeatureGraph Graph = FeatureGraph.Of(typeof(Program).Assembly.Location);

    [Fact]
    public void No_two_feature_rooms_depend_on_each_other_in_a_loop()
    {
        var cycles = Graph.Cycles()
            .Where(c => c.Any(n => n.StartsWith(FeatureGraph.FeaturesPrefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(cycles.Count == 0, "Rooms that depend on each other in a loop:\n" + string.Join("\n",
            cycles.Select(c => string.Join(" <-> ", c) + "\n" + string.Join("\n", Graph.Describe(c)))));
    }

    [Fact]
    public void No_feature_depends_on_hosting()
    {
        var reaching = Graph.Edges
            .Where(e => e.Key.StartsWith(FeatureGraph.FeaturesPrefix, StringComparison.Ordinal))
            .SelectMany(e => e.Value
                .Where(t => t.Key == "Meetup.Web.Hosting" || t.Key.StartsWith("Meetup.Web.Hosting.", StringComparison.Ordinal))
                .Select(t => $"  {e.Key} -> {t.Key}   ({t.Value})"))
            .ToList();

        Assert.True(reaching.Count == 0, "Features that reach into Hosting:\n" + string.Join("\n", reaching));
    }

    [Fact]
    public void The_graph_sees_the_features_a_page_injects()
    {
        // A guard for the two tests above: a reader that missed Razor components or method bodies would pass them all.
        var sessions = Graph.Edges["Meetup.Web.Features.PublicSite"];
        Assert.Contains(sessions.Keys, k => k.StartsWith(FeatureGraph.FeaturesPrefix + "Rsvps", StringComparison.Ordinal));
    }
}
