using MudBlazor;

namespace Meetup.Web.Features.Shared.Dialogs;

/// <summary>
/// The app's one way to ask "are you sure?" before something that cannot be taken back (docs/architecture.md, "Dialogs"):
/// Escape and the cancel button answer no, and the cancel button has the focus when the dialog opens.
/// </summary>
public static class ConfirmDialogs
{
    /// <summary>
    /// Escape closes (= cancel). The focus: <see cref="ConfirmDialog"/> traps it on its cancel button, a form dialog
    /// puts it in its first field (AutoFocus).
    /// </summary>
    public static DialogOptions Options => new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small };

    /// <summary>Asks <paramref name="title"/>; true only when the person chose <paramref name="yesText"/>.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText, string cancelText)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.YesText, yesText },
            { d => d.CancelText, cancelText },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false, Data: true };
    }
}
