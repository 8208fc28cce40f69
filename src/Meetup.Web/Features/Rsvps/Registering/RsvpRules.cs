using System.Globalization;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Registering;

/// <summary>The checked form of an <see cref="RsvpInput"/>.</summary>
internal sealed record RsvpFields(string Name, string Email, string? Language, IReadOnlyList<AnswerSnapshot> Answers);

/// <summary>Why RSVP is not possible right now; shown to people in plain words.</summary>
public enum NotOpenReason { Draft, Cancelled, NotYetOpen, Closed, Started }

internal static class RsvpRules
{
    public const int MaxNameLength = PersonRules.MaxNameLength;
    public const int MaxAnswerLength = 500;

    /// <summary>The languages emails and pages can be written in (<see cref="AppLanguages"/>).</summary>
    public static readonly IReadOnlyList<string> Languages = AppLanguages.Codes;

    public static OperationResult<RsvpFields> Check(RsvpInput input, IReadOnlyList<RegistrationQuestion> questions, IStringLocalizer<Strings> l)
    {
        var errors = new ValidationErrors();
        var name = CheckName(input.Name, errors, l);

        var email = PersonRules.DeliverableEmail(input.Email, errors, l) ?? "";

        var language = CheckLanguage(input.Language, errors, l);
        var answers = CheckAnswers(input.Answers, questions, errors, l);
        return errors.IsEmpty
            ? OperationResult<RsvpFields>.Ok(new RsvpFields(name!, email, language, answers))
            : OperationResult<RsvpFields>.Invalid(errors);
    }

    public static string? CheckName(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
        => PersonRules.Name(input, required: true, errors, l);

    public static string? CheckLanguage(string? input, ValidationErrors errors, IStringLocalizer<Strings> l)
        => PersonRules.Language(input, errors, l);

    private static List<AnswerSnapshot> CheckAnswers(
        Dictionary<string, string?>? given, IReadOnlyList<RegistrationQuestion> questions, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        given ??= [];
        var known = questions.Select(q => q.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        if (given.Keys.Any(k => !known.Contains(k)))
        {
            errors.Add("answers", l["Answer only the questions of this event."]);
        }
        var answers = new List<AnswerSnapshot>();
        foreach (var q in questions.OrderBy(q => q.Position))
        {
            var field = $"answers.{q.Id.ToString(CultureInfo.InvariantCulture)}";
            var answer = given.GetValueOrDefault(q.Id.ToString(CultureInfo.InvariantCulture))?.Trim() ?? "";
            if (!errors.CheckLine(field, answer, l))
            {
                continue;
            }
            if (answer.Length == 0)
            {
                if (q.Required)
                {
                    errors.Add(field, l["Please answer: {0}", q.Prompt]);
                }
                continue;
            }
            if (q.Kind == QuestionKind.SingleChoice && !q.Options.Contains(answer, StringComparer.Ordinal))
            {
                errors.Add(field, l["Choose one of the offered answers."]);
                continue;
            }
            if (answer.Length > MaxAnswerLength)
            {
                errors.Add(field, l["Keep the answer under {0} characters.", MaxAnswerLength]);
                continue;
            }
            answers.Add(new AnswerSnapshot(q.Id, q.Prompt, answer));
        }
        return answers;
    }

    /// <summary>
    /// The RSVP window, the one rule for the session page, the RSVP form and the writer (docs/api.md: not for drafts,
    /// cancelled or started sessions, nor outside the window): null when people may RSVP now; otherwise why not.
    /// </summary>
    public static NotOpenReason? WhyNotOpen(SessionStatus status, DateTime startsAt, DateTime? opensAt, DateTime? closesAt, DateTime now) => status switch
    {
        SessionStatus.Draft => NotOpenReason.Draft,
        SessionStatus.Cancelled => NotOpenReason.Cancelled,
        _ when now >= startsAt => NotOpenReason.Started,
        _ when opensAt is { } o && now < o => NotOpenReason.NotYetOpen,
        _ when closesAt is { } c && now >= c => NotOpenReason.Closed,
        _ => null,
    };

    public static string Explain(NotOpenReason reason, DateTime? opensAt, string timeZone, IStringLocalizer<Strings> l) => reason switch
    {
        NotOpenReason.Draft => l["This session is not published yet."],
        NotOpenReason.Cancelled => l["This session has been cancelled."],
        NotOpenReason.Started => l["This session has already started, so RSVP is closed."],
        NotOpenReason.NotYetOpen => l["RSVP opens on {0}.", Labels.When(opensAt ?? default, timeZone)],
        NotOpenReason.Closed => l["RSVP for this session has closed."],
        _ => l["RSVP is not open."],
    };
}
