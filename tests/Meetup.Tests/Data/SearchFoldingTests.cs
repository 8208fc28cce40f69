using Meetup.Data.Entities;

namespace Meetup.Tests.Data;

public class SearchFoldingTests
{
    [Theory]
    [InlineData("ＴＡＲＯ", "taro")]
    [InlineData("Taro Yamada", "taro yamada")]
    [InlineData("ÉMILE", "émile")]
    [InlineData("ｶﾞｸ", "ガク")] // half-width kana, voiced mark composed
    [InlineData("がく", "ガク")] // hiragana as katakana
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευσ")] // final sigma and sigma meet
    [InlineData("ИВАН", "иван")]
    [InlineData("张伟", "张伟")] // no case, no width: as typed
    [InlineData("Ｅｍｉｌｅ　Ｄｕｐｏｎｔ", "emile dupont")] // full-width space too
    [InlineData("a%_b", "a%_b")]
    public void Case_width_and_kana_fold_accents_stay(string text, string folded)
        => Assert.Equal(folded, SearchFolding.Fold(text));

    [Fact]
    public void Folding_twice_changes_nothing_and_null_stays_null()
    {
        foreach (var text in new[] { "ＴＡＲＯ", "ｶﾞｸ", "がく", "ΟΔΥΣΣΕΥΣ", "ﬁle", "㍿" })
        {
            Assert.Equal(SearchFolding.Fold(text), SearchFolding.Fold(SearchFolding.Fold(text)));
        }
        Assert.Null(SearchFolding.Fold(null));
    }
}
