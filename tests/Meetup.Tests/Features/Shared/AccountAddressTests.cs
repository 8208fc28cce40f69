using Meetup.Data.Entities;
using Meetup.Web.Features.Shared;

namespace Meetup.Tests.Features.Shared;

/// <summary>People known only by their account on another site get an address that names them and can never receive mail.</summary>
public class AccountAddressTests
{
    [Theory]
    [InlineData("taro_y", "taro_y@connpass.invalid")]
    [InlineData(" TARO_Y ", "taro_y@connpass.invalid")]
    [InlineData("ｔａｒｏ＿ｙ", "taro_y@connpass.invalid")] // full-width, as a Japanese keyboard types it
    [InlineData("12345", "12345@connpass.invalid")]
    [InlineData("a b@c%d", "a%20b%40c%25d@connpass.invalid")] // what an address cannot hold is escaped, so no two accounts meet
    public void An_account_becomes_a_normalized_address_under_the_sites_invalid_domain(string account, string address)
    {
        Assert.Equal(address, AccountAddress.For("connpass", account));
        Assert.True(EmailAddress.IsValid(address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_account_has_no_address(string account) => Assert.Null(AccountAddress.For("connpass", account));

    [Theory]
    [InlineData("connpass", true)]
    [InlineData("doorkeeper", true)]
    [InlineData("my-site2", true)]
    [InlineData("", false)]
    [InlineData("Connpass", false)]
    [InlineData("conn pass", false)]
    [InlineData("erased", false)] // the export's name for erased people
    public void A_site_is_a_lower_case_dns_label(string site, bool valid) => Assert.Equal(valid, AccountAddress.IsSite(site));

    [Fact]
    public void The_screen_shows_the_account_not_the_address()
    {
        Assert.Equal("taro_y (connpass)", AccountAddress.Display("taro_y@connpass.invalid"));
        Assert.Equal("a b@c%d (connpass)", AccountAddress.Display("a%20b%40c%25d@connpass.invalid"));
        Assert.Equal("alice@example.com", AccountAddress.Display("alice@example.com"));
    }

    [Theory]
    [InlineData("taro_y@connpass.invalid", false)]
    [InlineData("erased-3@erased.invalid", false)]
    [InlineData("someone@EXAMPLE.INVALID", false)]
    [InlineData("alice@example.com", true)]
    [InlineData("alice@invalid.example.com", true)]
    public void Mail_is_deliverable_except_to_the_reserved_invalid_domain(string address, bool deliverable)
        => Assert.Equal(deliverable, AccountAddress.IsDeliverable(address));
}
