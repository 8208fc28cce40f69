using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

internal sealed record Room(string Name, string Address, int Capacity);

internal sealed record SpeakerProfile(
    string Key, string Name, string Company, string JobTitle, string Bio, IReadOnlyList<string> Links);

/// <summary>An agenda item; <see cref="Title"/> is null only for a review named after the previous session.</summary>
internal sealed record AgendaPlan(AgendaItemKind Kind, string? Title, int Minutes, IReadOnlyList<string> SpeakerKeys);

/// <param name="Visitors">People who come this once and never again (guest talks and Sundays draw more).</param>
internal sealed record SessionPlan(
    DateOnly Date, SessionFormat Format, string Title, IReadOnlyList<string> Languages, Room? Room,
    int Visitors, IReadOnlyList<AgendaPlan> Agenda)
{
    public string? CancelReason { get; init; }

    /// <summary>Everyone in a faithful habit came (the story's fourth session).</summary>
    public bool EveryRegularCame { get; init; }
}

internal sealed record UpcomingPlan(
    string Title, IReadOnlyList<string> Languages, Room Room, string Description, IReadOnlyList<AgendaPlan> Agenda);

internal enum Origin { Chinese, Japanese, Western, Any }

/// <summary>
/// A group of people with the same habit. Each person starts on a date drawn from
/// [<paramref name="EarliestStart"/>, <paramref name="LatestStart"/>], always comes to the first session on or
/// after it, and then comes to each session with probability <paramref name="Chance"/> for
/// <paramref name="MinMonths"/>..<paramref name="MaxMonths"/> months. <paramref name="ComesBack"/>: after that
/// stretch they stay away for months, then return for a second one (the "resurrecting" in the retention report).
/// </summary>
internal sealed record Cohort(
    string Name, int Size, Origin Origin, DateOnly EarliestStart, DateOnly LatestStart,
    int MinMonths, int MaxMonths, double Chance, bool ComesBack = false);
