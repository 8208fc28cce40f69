using System.ComponentModel.DataAnnotations;
using Meetup.Web.Features.Auth;
using Meetup.Web.Features.Shared;

namespace Meetup.Tests.Features.Shared;

public class InputRulesTests
{
    [Theory]
    [InlineData("Kubernetes 入門 #3", true, true)]
    [InlineData("emoji 🎉 ok", true, true)]
    [InlineData("tab\there", false, true)]
    [InlineData("two\nlines", false, true)]
    [InlineData("windows\r\nlines", false, true)]
    [InlineData("nul\0here", false, false)]
    [InlineData("bell\u0007", false, false)]
    [InlineData("escape\u001b[31m", false, false)]
    [InlineData("delete\u007f", false, false)]
    [InlineData("c1\u0085", false, false)]
    public void Text_refuses_control_characters_and_allows_tabs_and_line_breaks_only_in_multi_line_text(string text, bool oneLine, bool multiLine)
    {
        Assert.Equal(oneLine, TextRules.IsSingleLine(text));
        Assert.Equal(multiLine, TextRules.IsMultiLine(text));
    }

    [Fact]
    public void Text_refuses_a_lone_surrogate()
    {
        var broken = "lone " + (char)0xD800 + " surrogate"; // built here: test data attributes would repair it
        Assert.False(TextRules.IsSingleLine(broken));
        Assert.False(TextRules.IsMultiLine(broken));
    }

    [Theory]
    [InlineData("taro@example.com", true)]
    [InlineData("taro.yamada+meetup@mail.example.co.jp", true)]
    [InlineData("太郎@例え.jp", true)]
    [InlineData("taro_y%20x@connpass.invalid", true)]
    [InlineData("a\0b@example.com", false)]
    [InlineData("a\u0007b@example.com", false)]
    [InlineData("a@example.com\r\nbcc:victim@example.com", false)]
    [InlineData("evil<victim@example.com>", false)]
    [InlineData("a,b@example.com", false)]
    [InlineData("a(comment)@example.com", false)]
    [InlineData("a@b@example.com", false)]
    public void An_address_is_acceptable_only_when_the_mail_library_reads_it_as_that_one_mailbox(string address, bool acceptable)
        => Assert.Equal(acceptable, EmailRules.IsAcceptable(address));

    [Fact]
    public void Account_forms_refuse_control_characters_in_the_name_and_unparseable_emails()
    {
        var input = new NewAccountInput { DisplayName = "Ada\r\nBcc: x", Email = "ada\u0007@example.com", Password = "long-enough-pass", ConfirmPassword = "long-enough-pass" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true));

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(NewAccountInput.DisplayName)));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(NewAccountInput.Email)));
    }
}
