using System.Globalization;
using Meetup.Data;
using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Rsvps.Questions;

public sealed record QuestionInput(int? Id, string? Prompt, string? Kind, IReadOnlyList<string>? Options, bool? Required);

public sealed record QuestionResource(int Id, string Prompt, string Kind, IReadOnlyList<string> Options, bool Required);

/// <summary>
/// An event's registration questions (GET|PUT /api/events/{id}/questions): the list is replaced as a
/// whole; items that carry the id of an existing question keep it. Answers already given are
/// snapshots and stay as they were.
/// </summary>
public sealed class QuestionService(IDbContextFactory<MeetupDb> dbFactory, TimeProvider time, IStringLocalizer<Strings> l)
{
    public const int MaxQuestions = 20;
    public const int MaxOptions = 20;

    public async Task<OperationResult<IReadOnlyList<QuestionResource>>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<IReadOnlyList<QuestionResource>>.NotFound(l["No event with id {0}.", eventId]);
        }
        var rows = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.Position).ToListAsync(ct);
        return OperationResult<IReadOnlyList<QuestionResource>>.Ok([.. rows.Select(ToResource)]);
    }

    public async Task<OperationResult<IReadOnlyList<QuestionResource>>> ReplaceAsync(int eventId, IReadOnlyList<QuestionInput>? input, CancellationToken ct = default)
    {
        input ??= [];
        var errors = new ValidationErrors();
        if (input.Count > MaxQuestions)
        {
            errors.Add("questions", l["At most {0} questions.", MaxQuestions]);
        }
        var parsed = new List<(int? Id, string Prompt, QuestionKind Kind, List<string> Options, bool Required)>();
        for (var i = 0; i < input.Count; i++)
        {
            var q = input[i];
            var at = $"[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (q is null)
            {
                errors.Add(at, l["Empty question."]);
                continue;
            }
            var prompt = q.Prompt?.Trim() ?? "";
            if (TextRules.LineError(prompt, l) is { } promptError)
            {
                errors.Add($"{at}.prompt", promptError);
            }
            else if (prompt.Length is 0 or > 300)
            {
                errors.Add($"{at}.prompt", l["Write the question (at most 300 characters)."]);
            }
            var kind = QuestionKind.ShortText;
            if (!TextRules.IsSingleLine(q.Kind) || !EnumNames.TryParseSnakeCase(q.Kind ?? "short_text", out kind))
            {
                errors.Add($"{at}.kind", l["Use short_text or single_choice."]);
            }
            errors.CheckLines($"{at}.options", q.Options, l);
            var options = (q.Options ?? []).OfType<string>().Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (kind == QuestionKind.SingleChoice && (options.Count < 2 || options.Count > MaxOptions || options.Any(o => o.Length > 100)))
            {
                errors.Add($"{at}.options", l["A single-choice question needs 2 to {0} answers of at most 100 characters.", MaxOptions]);
            }
            parsed.Add((q.Id, prompt, kind, kind == QuestionKind.SingleChoice ? options : [], q.Required ?? false));
        }
        if (!errors.IsEmpty)
        {
            return OperationResult<IReadOnlyList<QuestionResource>>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return OperationResult<IReadOnlyList<QuestionResource>>.NotFound(l["No event with id {0}.", eventId]);
        }
        var existing = await db.RegistrationQuestions.Where(q => q.EventId == eventId).ToListAsync(ct);
        var kept = new HashSet<int>();
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < parsed.Count; i++)
        {
            var p = parsed[i];
            var row = existing.FirstOrDefault(e => e.Id == p.Id && kept.Add(e.Id));
            if (row is null)
            {
                row = new RegistrationQuestion { EventId = eventId, Prompt = p.Prompt, CreatedAt = now };
                db.RegistrationQuestions.Add(row);
            }
            row.Position = i;
            row.Prompt = p.Prompt;
            row.Kind = p.Kind;
            row.Options = p.Options;
            row.Required = p.Required;
        }
        db.RegistrationQuestions.RemoveRange(existing.Where(e => !kept.Contains(e.Id)));
        await db.SaveChangesAsync(ct);
        return await ListAsync(eventId, ct);
    }

    private static QuestionResource ToResource(RegistrationQuestion q) => new(q.Id, q.Prompt, q.Kind.ToSnakeCase(), q.Options, q.Required);
}
