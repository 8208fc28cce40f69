using Meetup.Data.Entities;

namespace Meetup.Tests.Data;

public class EmailAddressTests
{
    [Theory]
    [InlineData("gao@example.com")]
    [InlineData(" Gao@Example.com ")]
    [InlineData("ｇａｏ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    [InlineData("GAO@EXAMPLE.COM\t")]
    public void Full_width_padded_and_upper_case_emails_name_one_person(string input)
        => Assert.Equal("gao@example.com", EmailAddress.Normalize(input));

    [Theory]
    [InlineData("gao@example.com", true)]
    [InlineData("a.b+tag@sub.example.co.jp", true)]
    [InlineData("no-at-sign.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("gao@localhost", false)]
    [InlineData("gao@example.com.", false)]
    [InlineData("ga o@example.com", false)]
    [InlineData("", false)]
    public void Only_plausible_addresses_are_valid(string normalized, bool valid)
        => Assert.Equal(valid, EmailAddress.IsValid(normalized));
}
