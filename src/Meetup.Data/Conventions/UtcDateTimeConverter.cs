using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meetup.Data.Conventions;

/// <summary>Every instant is stored in UTC and comes back as <see cref="DateTimeKind.Utc"/>, on both providers.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
