namespace Meetup.Web.Features.Speakers;

public sealed record SpeakerInput
{
    public string? Name { get; init; }
    public string? Company { get; init; }
    public string? JobTitle { get; init; }
    public string? Bio { get; init; }
    public IReadOnlyList<string>? Links { get; init; }
}

public sealed record SpeakerResource(int Id, string Name, string? Company, string? JobTitle, string Bio, IReadOnlyList<string> Links, string PublicUrl);
