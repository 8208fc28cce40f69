using System.Text;

namespace Meetup.Data.Entities;

/// <summary>
/// The wire and storage names of the domain enums: <c>InPerson</c> ⇄ <c>in_person</c>.
/// One rule for the database, the JSON API and the CSV files.
/// </summary>
public static class EnumNames
{
    public static string ToSnakeCase<TEnum>(this TEnum value) where TEnum : struct, Enum
        => ToSnake(value.ToString());

    public static bool TryParseSnakeCase<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Trim().Replace("_", "", StringComparison.Ordinal);
        // Enum.TryParse accepts numbers; names only are valid here.
        return !compact.Any(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value);
    }

    public static TEnum ParseSnakeCase<TEnum>(string text) where TEnum : struct, Enum
        => TryParseSnakeCase<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a valid {typeof(TEnum).Name}.");

    private static string ToSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
