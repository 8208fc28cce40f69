using Meetup.Data.Entities;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meetup.Data.Conventions;

/// <summary>Stores enums by their snake_case names (<c>in_person</c>), the same names the API and CSV use.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToSnakeCase(),
    v => EnumNames.ParseSnakeCase<TEnum>(v))
    where TEnum : struct, Enum;
