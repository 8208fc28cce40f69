using System.Text.Json;

namespace Meetup.Web.Components.Shared;

/// <summary>
/// An editor's "unsaved changes?" test: the form's input as JSON when it was loaded or saved, against the form now.
/// Comparing what would be sent (not keystrokes) means typing a value back to what it was is not a change.
/// </summary>
public sealed class FormSnapshot
{
    private string _saved = "";

    public void Take(object input) => _saved = JsonSerializer.Serialize(input);

    public bool Differs(object input) => _saved != JsonSerializer.Serialize(input);
}
