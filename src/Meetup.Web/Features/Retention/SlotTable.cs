using Meetup.Data.Entities;

namespace Meetup.Web.Features.Retention;

/// <summary>What time, format and language do to turnout: counted sessions grouped by each dimension.</summary>
internal static class SlotTable
{
    private static readonly string[] Dimensions =
        [SlotDimensions.DayType, SlotDimensions.TimeOfDay, SlotDimensions.Format, SlotDimensions.Language];

    /// <param name="sessions">All counted sessions, in order.</param>
    /// <param name="rows">Their rows, aligned with <paramref name="sessions"/>.</param>
    public static List<RetentionSlot> Build(IReadOnlyList<TimelineSession> sessions, IReadOnlyList<RetentionSessionRow> rows)
    {
        var groups = new SortedDictionary<string, Accumulator>[Dimensions.Length];
        for (var d = 0; d < groups.Length; d++)
        {
            groups[d] = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        }

        for (var i = 0; i < sessions.Count; i++)
        {
            var values = ValuesOf(sessions[i]);
            for (var d = 0; d < Dimensions.Length; d++)
            {
                if (!groups[d].TryGetValue(values[d], out var accumulator))
                {
                    accumulator = new Accumulator();
                    groups[d].Add(values[d], accumulator);
                }
                accumulator.Add(rows[i]);
            }
        }

        var slots = new List<RetentionSlot>();
        for (var d = 0; d < Dimensions.Length; d++)
        {
            foreach (var (value, accumulator) in groups[d])
            {
                slots.Add(accumulator.ToSlot(Dimensions[d], value));
            }
        }
        return slots;
    }

    /// <summary>The session's value in each dimension, in the order of <see cref="Dimensions"/>.</summary>
    private static string[] ValuesOf(TimelineSession session)
    {
        var local = session.LocalStart;
        var dayType = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "weekend" : "weekday";
        var timeOfDay = local.Hour switch
        {
            < 12 => "morning",
            < 17 => "afternoon",
            _ => "evening",
        };
        return [dayType, timeOfDay, session.Session.Format.ToSnakeCase(), LanguageValue(session.Session.Languages)];
    }

    /// <summary>The language codes, sorted and joined with <c>+</c> (<c>ja+zh</c>); "" when there are none.</summary>
    internal static string LanguageValue(IReadOnlyList<string> languages)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var code = language.Trim();
            if (code.Length > 0)
            {
                codes.Add(code);
            }
        }
        return string.Join('+', codes);
    }

    private sealed class Accumulator
    {
        private int _sessions;
        private long _attendance;
        private double _returnRateSum;
        private int _returnRates;
        private double _noShowRateSum;
        private int _noShowRates;

        public void Add(RetentionSessionRow row)
        {
            _sessions++;
            _attendance += row.Attended;
            // Means of the defined rates only: a pending return rate is not a 0% one.
            if (row.ReturnRate is { } returnRate)
            {
                _returnRateSum += returnRate;
                _returnRates++;
            }
            if (row.NoShowRate is { } noShowRate)
            {
                _noShowRateSum += noShowRate;
                _noShowRates++;
            }
        }

        public RetentionSlot ToSlot(string dimension, string value) => new()
        {
            Dimension = dimension,
            Value = value,
            Sessions = _sessions,
            MeanAttendance = (double)_attendance / _sessions,
            MeanReturnRate = _returnRates == 0 ? null : _returnRateSum / _returnRates,
            MeanNoShowRate = _noShowRates == 0 ? null : _noShowRateSum / _noShowRates,
        };
    }
}
