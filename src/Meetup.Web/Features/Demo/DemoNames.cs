namespace Meetup.Web.Features.Demo;

/// <summary>The names demo people are drawn from, by origin (native script and Latin letters).</summary>
internal static class DemoNames
{
    public static readonly IReadOnlyList<(string Native, string Latin)> ChineseSurnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
        ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"),
        ("胡", "Hu"), ("朱", "Zhu"), ("高", "Gao"), ("林", "Lin"), ("何", "He"), ("郭", "Guo"),
        ("马", "Ma"), ("罗", "Luo"), ("梁", "Liang"), ("宋", "Song"), ("郑", "Zheng"), ("谢", "Xie"),
        ("韩", "Han"), ("唐", "Tang"), ("冯", "Feng"), ("董", "Dong"), ("程", "Cheng"), ("曹", "Cao"),
        ("袁", "Yuan"), ("邓", "Deng"), ("沈", "Shen"), ("曾", "Zeng"), ("彭", "Peng"), ("吕", "Lyu"),
    ];

    public static readonly IReadOnlyList<(string Native, string Latin)> ChineseGivenNames =
    [
        ("丽", "Li"), ("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"),
        ("磊", "Lei"), ("强", "Qiang"), ("洋", "Yang"), ("勇", "Yong"), ("艳", "Yan"), ("杰", "Jie"),
        ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("秀英", "Xiuying"), ("志强", "Zhiqiang"),
        ("海燕", "Haiyan"), ("建华", "Jianhua"), ("俊杰", "Junjie"), ("子涵", "Zihan"), ("浩然", "Haoran"),
        ("雨桐", "Yutong"), ("宇航", "Yuhang"), ("嘉怡", "Jiayi"), ("文博", "Wenbo"), ("一鸣", "Yiming"),
        ("梦琪", "Mengqi"), ("欣怡", "Xinyi"), ("鹏", "Peng"), ("斌", "Bin"), ("晨", "Chen"),
        ("凯", "Kai"), ("琳", "Lin"), ("婷", "Ting"), ("昊", "Hao"), ("晓明", "Xiaoming"), ("佳琪", "Jiaqi"),
    ];

    public static readonly IReadOnlyList<(string Native, string Latin)> JapaneseSurnames =
    [
        ("佐藤", "Sato"), ("鈴木", "Suzuki"), ("高橋", "Takahashi"), ("田中", "Tanaka"), ("伊藤", "Ito"),
        ("渡辺", "Watanabe"), ("山本", "Yamamoto"), ("中村", "Nakamura"), ("小林", "Kobayashi"),
        ("加藤", "Kato"), ("吉田", "Yoshida"), ("山田", "Yamada"), ("佐々木", "Sasaki"), ("山口", "Yamaguchi"),
        ("松本", "Matsumoto"), ("井上", "Inoue"), ("木村", "Kimura"), ("林", "Hayashi"), ("清水", "Shimizu"),
        ("森", "Mori"), ("池田", "Ikeda"), ("橋本", "Hashimoto"), ("石川", "Ishikawa"), ("前田", "Maeda"),
        ("藤田", "Fujita"), ("岡田", "Okada"), ("後藤", "Goto"), ("長谷川", "Hasegawa"), ("村上", "Murakami"),
        ("近藤", "Kondo"),
    ];

    public static readonly IReadOnlyList<(string Native, string Latin)> JapaneseGivenNames =
    [
        ("恵美", "Emi"), ("翔太", "Shota"), ("大輔", "Daisuke"), ("健太", "Kenta"), ("拓也", "Takuya"),
        ("直樹", "Naoki"), ("由美", "Yumi"), ("彩", "Aya"), ("美咲", "Misaki"), ("陽子", "Yoko"),
        ("亮", "Ryo"), ("誠", "Makoto"), ("翼", "Tsubasa"), ("悠斗", "Yuto"), ("遥", "Haruka"),
        ("千尋", "Chihiro"), ("和也", "Kazuya"), ("隆", "Takashi"), ("智子", "Tomoko"), ("真由美", "Mayumi"),
        ("康介", "Kosuke"), ("裕太", "Yuta"), ("学", "Manabu"), ("剛", "Tsuyoshi"), ("香織", "Kaori"),
        ("麻衣", "Mai"), ("大樹", "Daiki"), ("蓮", "Ren"), ("結衣", "Yui"), ("修", "Osamu"),
    ];

    public static readonly IReadOnlyList<(string Given, string Family)> WesternNames =
    [
        ("Tom", "Walsh"), ("Sophie", "Martin"), ("Lukas", "Becker"), ("Olivia", "Brown"), ("Marco", "Rossi"),
        ("Hannah", "Schmidt"), ("James", "O'Neill"), ("Chloe", "Dubois"), ("Ethan", "Miller"), ("Anna", "Novak"),
    ];
}
