using Microsoft.Playwright;

namespace Meetup.E2E.Pages;

/// <summary>The sign-in form (/account/login), for organizers and door helpers alike.</summary>
public sealed class SignInScreen(IPage page)
{
    public ILocator Email => page.GetByLabel("Email");
    public ILocator Password => page.GetByLabel("Password");

    /// <summary>Opens the form, with the page to land on after signing in when given.</summary>
    public static async Task<SignInScreen> GotoAsync(IPage page, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return new SignInScreen(page);
    }

    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
