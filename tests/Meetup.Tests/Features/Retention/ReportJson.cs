using System.Text.Json;
using System.Text.Json.Nodes;
using Meetup.Web.Features.Retention;

namespace Meetup.Tests.Features.Retention;

/// <summary>The report as the API serves it (web defaults: camelCase), and a recursive comparison.</summary>
internal static class ReportJson
{
    public const double Tolerance = 1e-9;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonNode Serialize(RetentionReport report)
        => JsonSerializer.SerializeToNode(report, Web) ?? throw new InvalidOperationException("Serialized to null.");

    /// <summary>
    /// Every field of <paramref name="expected"/> must be in <paramref name="actual"/> with the same
    /// value (numbers within <see cref="Tolerance"/>, nulls null, arrays the same length and order);
    /// <paramref name="actual"/> may have further fields only if they are in <paramref name="allowedExtras"/>.
    /// </summary>
    public static void AssertMatches(JsonNode? expected, JsonNode? actual, IReadOnlySet<string>? allowedExtras = null, string path = "$")
    {
        allowedExtras ??= new HashSet<string>();
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (name, value) in expectedObject)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name}: missing");
                    AssertMatches(value, actualObject[name], allowedExtras, $"{path}.{name}");
                }
                foreach (var (name, _) in actualObject)
                {
                    Assert.True(expectedObject.ContainsKey(name) || allowedExtras.Contains(name), $"{path}.{name}: unexpected field");
                }
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count,
                    $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}: {actualArray.ToJsonString()}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertMatches(expectedArray[i], actualArray[i], allowedExtras, $"{path}[{i}]");
                }
                break;
            default:
                AssertSameValue(expected.AsValue(), actual, path);
                break;
        }
    }

    private static void AssertSameValue(JsonValue expected, JsonNode? actual, string path)
    {
        if (actual is not JsonValue value)
        {
            Assert.Fail($"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
            return;
        }
        if (expected.GetValueKind() == JsonValueKind.Number)
        {
            Assert.True(value.GetValueKind() == JsonValueKind.Number, $"{path}: expected a number, got {value.ToJsonString()}");
            var (e, a) = (expected.GetValue<double>(), value.GetValue<double>());
            Assert.True(Math.Abs(e - a) <= Tolerance, $"{path}: expected {e:R}, got {a:R}");
        }
        else if (expected.GetValueKind() == JsonValueKind.String)
        {
            Assert.True(value.GetValueKind() == JsonValueKind.String, $"{path}: expected a string, got {value.ToJsonString()}");
            var (e, a) = (expected.GetValue<string>(), value.GetValue<string>());
            Assert.True(e == a, $"{path}: expected \"{e}\", got \"{a}\"");
        }
        else
        {
            Assert.True(expected.GetValueKind() == value.GetValueKind(), $"{path}: expected {expected.ToJsonString()}, got {value.ToJsonString()}");
        }
    }
}
