using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;
using FeedbackRow = Meetup.Data.Entities.Feedback;

namespace Meetup.Web.Features.Feedback;

/// <summary>An answer that passed <see cref="FeedbackRules.Check"/>: values parsed, texts trimmed (blank is null).</summary>
public sealed record FeedbackValues(
    int Overall, int Understanding, FeedbackPace Pace, FeedbackLength Length, FeedbackComeNext ComeNext, string? NextTopic, string? Comment);

/// <summary>What makes an answer valid, and when the survey of a session is open.</summary>
public static class FeedbackRules
{
    /// <summary>How long after a session ends its answers may still be given or changed.</summary>
    public static readonly TimeSpan EditableFor = TimeSpan.FromDays(7);

    public static DateTime EditableUntil(DateTime endsAt) => endsAt + EditableFor;

    /// <summary>Why no answer can be given now (not started, or closed), else null.</summary>
    public static string? WhyClosed(DateTime startsAt, DateTime endsAt, DateTime now, IStringLocalizer<Strings> l)
        => now < startsAt ? l["This session has not started yet; feedback opens when it starts."].Value
            : now > EditableUntil(endsAt) ? l["Feedback on this session is closed: answers are taken until 7 days after it ends."].Value
            : null;

    /// <summary>The answer's values, or null with every bad field named in <paramref name="errors"/>.</summary>
    public static FeedbackValues? Check(FeedbackInput input, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        var overall = Score(input.Overall, "overall", errors, l);
        var understanding = Score(input.Understanding, "understanding", errors, l);
        var pace = Choice<FeedbackPace>(input.Pace, "pace", errors, l);
        var length = Choice<FeedbackLength>(input.Length, "length", errors, l);
        var comeNext = Choice<FeedbackComeNext>(input.ComeNext, "comeNext", errors, l);
        var nextTopic = Text(input.NextTopic, "nextTopic", FeedbackRow.NextTopicMaxLength, multiLine: false, errors, l,
            l["Keep the topic under {0} characters.", FeedbackRow.NextTopicMaxLength].Value);
        var comment = Text(input.Comment, "comment", FeedbackRow.CommentMaxLength, multiLine: true, errors, l,
            l["Keep the comment under {0} characters.", FeedbackRow.CommentMaxLength].Value);
        return errors.IsEmpty
            ? new FeedbackValues(overall, understanding, pace, length, comeNext, nextTopic, comment)
            : null;
    }

    private static int Score(int? value, string field, ValidationErrors errors, IStringLocalizer<Strings> l)
    {
        if (value is >= 1 and <= 5)
        {
            return value.Value;
        }
        errors.Add(field, l["Choose a number from 1 to 5."]);
        return 0;
    }

    private static TEnum Choice<TEnum>(string? value, string field, ValidationErrors errors, IStringLocalizer<Strings> l)
        where TEnum : struct, Enum
    {
        // Only the wire names (too_slow), not the spellings the lenient parser would also take.
        var names = Enum.GetValues<TEnum>().Select(v => v.ToSnakeCase()).ToList();
        if (value is not null && names.Contains(value.Trim(), StringComparer.Ordinal))
        {
            return EnumNames.ParseSnakeCase<TEnum>(value);
        }
        errors.Add(field, l["Choose one of: {0}.", string.Join(", ", names)]);
        return default;
    }

    private static string? Text(string? value, string field, int max, bool multiLine, ValidationErrors errors, IStringLocalizer<Strings> l, string tooLong)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (!(multiLine ? errors.CheckText(field, text, l) : errors.CheckLine(field, text, l)))
        {
            return null;
        }
        if (text is not null && text.Length > max)
        {
            errors.Add(field, tooLong);
            return null;
        }
        return text;
    }
}
