namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The few words the generated entities are made of: short lists written for this mock (names common in the
/// Nordic countries and in English, SuperOffice-like departments and titles), enough to look like real CRM data in a
/// frontend. Kept small on purpose: the whole seed vocabulary costs kilobytes, where a general fake-data library's
/// locale costs the process tens of megabytes on first use.
/// </summary>
internal static class SeedWords
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Astrid", "Camilla", "Elin", "Emma", "Hanna", "Ida", "Ingrid", "Julie", "Karin", "Kari", "Linnea", "Maja",
        "Marit", "Nora", "Sara", "Silje", "Sofie", "Thea", "Tone", "Anders", "Bjorn", "Daniel", "Erik", "Fredrik", "Hans",
        "Henrik", "Jakob", "Jonas", "Kristian", "Lars", "Magnus", "Martin", "Nils", "Ola", "Per", "Sigurd", "Stian",
        "Thomas", "Tor", "Emily", "Grace", "Olivia", "James", "Oliver", "William", "Liam", "Noah", "O'Neil", "McKenzie",
    ];

    public static readonly string[] LastNames =
    [
        "Andersen", "Bakke", "Berg", "Dahl", "Eriksen", "Haugen", "Hansen", "Johansen", "Karlsen", "Larsen", "Lie",
        "Lund", "Moen", "Nilsen", "Olsen", "Pedersen", "Solberg", "Strand", "Andersson", "Johansson", "Lindqvist",
        "Nielsen", "Jensen", "Virtanen", "Smith", "Brown", "Taylor", "Walker", "Wright", "O'Brien",
    ];

    public static readonly string[] Prefixes = ["Mr.", "Mrs.", "Ms.", "Dr."];

    public static readonly string[] CompanyWords =
    [
        "Nordlys", "Fjord", "Polar", "Granitt", "Bryggen", "Solvik", "Havbris", "Skog", "Varde", "Kompass", "Aurora",
        "Bjelland", "Tinde", "Fossen", "Lysaker", "Nordkapp", "Saga", "Vest", "Midgard", "Elvebakken",
    ];

    public static readonly string[] CompanySuffixes = ["AS", "ASA", "AB", "Group", "Consulting", "Solutions", "Partners", "& Co"];

    public static readonly string[] CatchPhraseStarts = ["Customer-focused", "Integrated", "Scalable", "Streamlined", "Proactive", "Reliable", "Secure", "Flexible"];

    public static readonly string[] CatchPhraseEnds = ["service desk", "sales pipeline", "project delivery", "support platform", "partner network", "customer journey"];

    public static readonly string[] Departments = ["Sales", "Support", "Marketing", "Finance", "Development", "Operations", "Purchasing", "Legal", "Consulting", "Administration"];

    public static readonly string[] JobTitles =
    [
        "Sales Manager", "Account Manager", "Support Engineer", "Project Manager", "Chief Executive Officer", "Consultant",
        "Marketing Coordinator", "Financial Controller", "Developer", "Customer Success Lead",
    ];

    public static readonly string[] Cities = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromso", "Drammen", "Stockholm", "Gothenburg", "Copenhagen", "Aarhus", "Helsinki", "London"];

    public static readonly string[] Countries = ["Norway", "Sweden", "Denmark", "Finland", "Iceland", "Germany", "Netherlands", "United Kingdom"];

    public static readonly string[] Streets = ["Storgata", "Kirkegata", "Strandveien", "Skogveien", "Parkveien", "Bryggegata", "Fjordgata", "Solveien"];

    public static readonly string[] Currencies = ["NOK", "SEK", "DKK", "EUR", "USD", "GBP"];

    public static readonly string[] FileExtensions = ["pdf", "docx", "xlsx", "pptx", "txt", "png"];

    public static readonly string[] DomainSuffixes = ["no", "se", "dk", "com", "net", "org"];

    public static readonly string[] Adjectives = ["Standard", "Premium", "Basic", "Enterprise", "Professional", "Express", "Custom", "Priority"];

    public static readonly string[] Columns = ["id", "name", "title", "status", "category", "created", "updated", "owner", "amount", "comment"];

    public static readonly string[] Lorem =
    [
        "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod", "tempor",
        "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim", "veniam", "quis",
        "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex", "ea", "commodo", "consequat", "duis",
        "aute", "irure", "in", "reprehenderit", "voluptate", "velit", "esse", "cillum", "fugiat", "nulla", "pariatur",
    ];
}
