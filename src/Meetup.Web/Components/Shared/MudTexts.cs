using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Meetup.Web.Components.Shared;

/// <summary>
/// MudBlazor's own texts (the table pager, the date picker's buttons, close buttons) in the page's language: each of
/// its keys that our pages show is routed to our resources by its English text. MudBlazor asks this only for a
/// language other than English and keeps its built-in English for any key not listed here.
/// </summary>
internal sealed class MudTexts(IStringLocalizer<Strings> l) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        var text = Text(key, arguments);
        return text is null ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text.Value, text.ResourceNotFound);
    }

    private LocalizedString? Text(string key, object[] a) => key switch
    {
        "MudAlert_Close" or "MudChip_Close" or "MudDialog_Close" or "MudSnackbar_Close" => l["Close"],
        "MudBaseDatePicker_Open" or "MudTimePicker_Open" => l["Open"],
        "MudBaseDatePicker_NextMonth" => l["Next month {0}", a],
        "MudBaseDatePicker_PrevMonth" => l["Previous month {0}", a],
        "MudBaseDatePicker_NextYear" => l["Next year {0}", a],
        "MudBaseDatePicker_PrevYear" => l["Previous year {0}", a],
        "MudBreadcrumbs_Label" => l["Breadcrumb"],
        "MudDataGridPager_RowsPerPage" => l["Rows per page:"],
        "MudDataGridPager_InfoFormat" => l["{0}-{1} of {2}", a],
        "MudDataGridPager_AllItems" => l["All"],
        "MudDataGridPager_FirstPage" or "MudTablePager_FirstPage" or "MudPagination_FirstPage" => l["First page"],
        "MudDataGridPager_PreviousPage" or "MudTablePager_PreviousPage" or "MudPagination_PreviousPage" => l["Previous page"],
        "MudDataGridPager_NextPage" or "MudTablePager_NextPage" or "MudPagination_NextPage" => l["Next page"],
        "MudDataGridPager_LastPage" or "MudTablePager_LastPage" or "MudPagination_LastPage" => l["Last page"],
        "MudTable_Loading" or "MudDataGrid_Loading" => l["Loading…"],
        "MudFileUpload_Button" => l["Browse files"],
        "MudFileUpload_DragAndDrop" => l["Drag files here or click to browse"],
        "MudFormComponent_Required" => l["Required"],
        "MudInput_Clear" => l["Clear"],
        "MudInput_Increment" => l["Increment"],
        "MudInput_Decrement" => l["Decrement"],
        "MudNavGroup_ToggleExpand" => l["Toggle {0}", a],
        "MudSelect_SelectAll" => l["Select all"],
        "MudTabs_ScrollLeft" => l["Scroll tabs left"],
        "MudTabs_ScrollRight" => l["Scroll tabs right"],
        "MudTabs_ScrollUp" => l["Scroll tabs up"],
        "MudTabs_ScrollDown" => l["Scroll tabs down"],
        _ => null,
    };
}
