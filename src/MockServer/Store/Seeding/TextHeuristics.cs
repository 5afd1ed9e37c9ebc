using Bogus;

namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// Realistic values chosen by property name, as a frontend developer expects to see them: <c>Email</c> gets an
/// address, <c>Firstname</c> a first name, <c>Phone</c>/<c>Fax</c> a number, <c>Url</c> a URL, <c>Name</c> a
/// company name, <c>Description</c> a sentence, and anything else a word.
/// </summary>
internal static class TextHeuristics
{
    private static readonly (Func<string, bool> Matches, Func<Faker, string> Make)[] Rules =
    [
        (n => n.Contains("email", StringComparison.Ordinal) || n.EndsWith("address", StringComparison.Ordinal) && n.Contains("from", StringComparison.Ordinal), f => f.Internet.Email()),
        (n => n.Contains("phone", StringComparison.Ordinal) || n.Contains("fax", StringComparison.Ordinal), f => f.Phone.PhoneNumber("+47 ## ## ## ##")),
        (n => n.Contains("url", StringComparison.Ordinal) || n.Contains("website", StringComparison.Ordinal), f => f.Internet.Url()),
        (n => n.Contains("domain", StringComparison.Ordinal), f => f.Internet.DomainName()),
        (n => n is "firstname" or "kanafname" or "middlename", f => f.Name.FirstName()),
        (n => n is "lastname" or "kanalname", f => f.Name.LastName()),
        (n => n.EndsWith("personname", StringComparison.Ordinal) || n.EndsWith("fullname", StringComparison.Ordinal) || n is "formalname" or "author", f => f.Name.FullName()),
        (n => n == "username", f => f.Internet.UserName()),
        (n => n == "department" || n.EndsWith("department", StringComparison.Ordinal), f => f.Commerce.Department()),
        (n => n == "position", f => f.Name.JobTitle()),
        (n => n == "mrmrs", f => f.Name.Prefix()),
        (n => n == "city", f => f.Address.City()),
        (n => n.StartsWith("country", StringComparison.Ordinal), f => f.Address.Country()),
        (n => n.StartsWith("post", StringComparison.Ordinal) && n.Length == 5, f => f.Address.StreetAddress()),
        (n => n == "currency", f => f.Finance.Currency().Code),
        (n => n == "filename", f => f.System.FileName()),
        (n => n == "fieldtype", f => f.PickRandom("System.String", "System.Int32", "System.DateTime")),
        (n => n is "orgnr" or "number1" or "number2" or "number" or "projectnumber" or "dbikey", f => f.Random.Replace("#######")),
        (n => n is "title" or "header" or "tooltip" or "comment" or "postit" or "imagedescription", f => f.Lorem.Sentence(4)),
        (n => n.Contains("description", StringComparison.Ordinal), f => f.Company.CatchPhrase()),
        (n => n.EndsWith("name", StringComparison.Ordinal), f => f.Company.CompanyName()),
    ];

    public static string For(string propertyName, Faker faker)
    {
        var name = propertyName.ToLowerInvariant();
        foreach (var (matches, make) in Rules)
        {
            if (matches(name))
            {
                return make(faker);
            }
        }

        return faker.Lorem.Word();
    }
}
