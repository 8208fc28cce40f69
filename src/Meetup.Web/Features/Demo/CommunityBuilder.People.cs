using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

internal sealed partial class CommunityBuilder
{
    private Person NewPerson(Origin origin, DateOnly since)
    {
        if (origin == Origin.Any)
        {
            // The group was Chinese-speaking until two Japanese engineers came to the fourth session.
            var r = _random.NextDouble();
            origin = since < DemoCommunity.FirstJapaneseVisit ? Origin.Chinese
                : r < 0.08 ? Origin.Western
                : r < 0.5 ? Origin.Japanese
                : Origin.Chinese;
        }
        var (displayName, family, given) = NewName(origin);
        string[] locals = origin switch
        {
            Origin.Chinese => [$"{family}.{given}", $"{given}.{family}", $"{family}{given}", $"{given[0]}{family}",
                $"{family}{given}{_random.Next(10, 100)}"],
            Origin.Japanese => [$"{given}.{family}", $"{family}.{given}", $"{given[0]}.{family}", $"{family}-{given}"],
            _ => [$"{given}.{family}", $"{given[0]}{family}", given],
        };
        var local = Pick(locals);
        var domain = origin switch
        {
            Origin.Chinese => Pick(["example.com", "example.com", "example.cn", "example.jp"]),
            Origin.Japanese => Pick(["example.jp", "example.jp", "example.com"]),
            _ => "example.com",
        };
        var language = origin switch
        {
            // Some Chinese engineers have lived in Japan long enough to prefer Japanese.
            Origin.Chinese => Pick(["zh", "zh", "zh", "zh", "zh", "zh", "zh", "ja", "ja", "en"]),
            Origin.Japanese => Pick(["ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "ja", "en"]),
            _ => Pick(["en", "en", "en", "ja"]),
        };
        var person = new Person(
            new Attendee { Email = UniqueEmail(local, domain), DisplayName = displayName, PreferredLanguage = language },
            origin);
        _people.Add(person);
        return person;
    }

    /// <returns>The display name, and the family and given names in lower-case ASCII for the email.</returns>
    private (string DisplayName, string Family, string Given) NewName(Origin origin)
    {
        while (true)
        {
            var (displayName, family, given) = origin switch
            {
                Origin.Chinese => ChineseName(Pick(DemoNames.ChineseSurnames), Pick(DemoNames.ChineseGivenNames)),
                Origin.Japanese => JapaneseName(Pick(DemoNames.JapaneseSurnames), Pick(DemoNames.JapaneseGivenNames)),
                _ => WesternName(Pick(DemoNames.WesternNames).Given, Pick(DemoNames.WesternNames).Family),
            };
            // Two people of one name exist in real life, but in a demo they only look like a bug.
            if (_names.Add(displayName))
            {
                return (displayName, Ascii(family), Ascii(given));
            }
        }

        static (string, string, string) ChineseName((string Native, string Latin) family, (string Native, string Latin) given)
            => ($"{family.Native}{given.Native} ({family.Latin} {given.Latin})", family.Latin, given.Latin);

        static (string, string, string) JapaneseName((string Native, string Latin) family, (string Native, string Latin) given)
            => ($"{family.Native} {given.Native} ({family.Latin} {given.Latin})", family.Latin, given.Latin);

        static (string, string, string) WesternName(string given, string family)
            => ($"{given} {family}", family, given);

        static string Ascii(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
    }

    private string UniqueEmail(string local, string domain)
    {
        var email = EmailAddress.Normalize($"{local}@{domain}");
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = EmailAddress.Normalize($"{local}{n}@{domain}");
        }
        return email;
    }

    /// <summary>People come less to sessions held only in a language they are less at home in.</summary>
    private static double LanguageFit(Origin origin, IReadOnlyList<string> languages) => origin switch
    {
        Origin.Japanese when !languages.Contains("ja") => 0.4,
        Origin.Chinese when !languages.Contains("zh") => 0.75,
        Origin.Western => 0.7,
        _ => 1.0,
    };

    private static void Seen(Person person, DateTime at)
    {
        if (person.Attendee.CreatedAt == default || at < person.Attendee.CreatedAt)
        {
            person.Attendee.CreatedAt = at;
        }
    }
}
