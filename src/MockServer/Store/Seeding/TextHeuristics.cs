namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// Realistic values chosen by property name, as a frontend developer expects to see them: <c>Email</c> gets an
/// address, <c>Firstname</c> a first name, <c>Phone</c>/<c>Fax</c> a number, <c>Url</c> a URL, <c>Name</c> a
/// company name, <c>Description</c> a sentence, and anything else a word.
/// </summary>
internal static class TextHeuristics
{
    private static readonly string[] FieldTypes = ["System.String", "System.Int32", "System.DateTime"];

    private static readonly (Func<string, bool> Matches, Func<SeedRandom, string> Make)[] Rules =
    [
        (n => n.Contains("email", StringComparison.Ordinal) || n.EndsWith("address", StringComparison.Ordinal) && n.Contains("from", StringComparison.Ordinal), Email),
        (n => n.Contains("phone", StringComparison.Ordinal) || n.Contains("fax", StringComparison.Ordinal), r => r.Digits("+47 ## ## ## ##")),
        (n => n.Contains("url", StringComparison.Ordinal) || n.Contains("website", StringComparison.Ordinal), r => "https://www." + Domain(r)),
        (n => n.Contains("domain", StringComparison.Ordinal), Domain),
        (n => n is "firstname" or "kanafname" or "middlename", r => r.Pick(SeedWords.FirstNames)),
        (n => n is "lastname" or "kanalname", r => r.Pick(SeedWords.LastNames)),
        (n => n.EndsWith("personname", StringComparison.Ordinal) || n.EndsWith("fullname", StringComparison.Ordinal) || n is "formalname" or "author", FullName),
        (n => n == "username", r => (r.Pick(SeedWords.FirstNames)[..1] + r.Pick(SeedWords.LastNames)).Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()),
        (n => n == "department" || n.EndsWith("department", StringComparison.Ordinal), r => r.Pick(SeedWords.Departments)),
        (n => n == "position", r => r.Pick(SeedWords.JobTitles)),
        (n => n == "mrmrs", r => r.Pick(SeedWords.Prefixes)),
        (n => n == "city", r => r.Pick(SeedWords.Cities)),
        (n => n.StartsWith("country", StringComparison.Ordinal), r => r.Pick(SeedWords.Countries)),
        (n => n.StartsWith("post", StringComparison.Ordinal) && n.Length == 5, r => $"{r.Pick(SeedWords.Streets)} {r.Int(1, 120)}"),
        (n => n == "currency", r => r.Pick(SeedWords.Currencies)),
        (n => n == "filename", r => $"{r.Pick(SeedWords.Lorem)}_{r.Pick(SeedWords.Lorem)}.{r.Pick(SeedWords.FileExtensions)}"),
        (n => n == "fieldtype", r => r.Pick(FieldTypes)),
        (n => n is "orgnr" or "number1" or "number2" or "number" or "projectnumber" or "dbikey", r => r.Digits("#######")),
        (n => n is "title" or "header" or "tooltip" or "comment" or "postit" or "imagedescription", r => r.Sentence(4)),
        (n => n.Contains("description", StringComparison.Ordinal), r => $"{r.Pick(SeedWords.CatchPhraseStarts)} {r.Pick(SeedWords.CatchPhraseEnds)}"),
        (n => n.EndsWith("name", StringComparison.Ordinal), CompanyName),
    ];

    public static string For(string propertyName, SeedRandom random)
    {
        var name = propertyName.ToLowerInvariant();
        foreach (var (matches, make) in Rules)
        {
            if (matches(name))
            {
                return make(random);
            }
        }

        return random.Pick(SeedWords.Lorem);
    }

    public static string CompanyName(SeedRandom random) => $"{random.Pick(SeedWords.CompanyWords)} {random.Pick(SeedWords.CompanySuffixes)}";

    private static string FullName(SeedRandom random) => $"{random.Pick(SeedWords.FirstNames)} {random.Pick(SeedWords.LastNames)}";

    private static string Domain(SeedRandom random) =>
        $"{random.Pick(SeedWords.CompanyWords).ToLowerInvariant()}.{random.Pick(SeedWords.DomainSuffixes)}";

    private static string Email(SeedRandom random) =>
        $"{random.Pick(SeedWords.FirstNames).Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}.{random.Pick(SeedWords.LastNames).Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}@{Domain(random)}";
}
