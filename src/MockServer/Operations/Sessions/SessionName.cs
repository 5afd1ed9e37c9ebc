using System.Globalization;

namespace ContractHarness.MockServer.Operations.Sessions;

/// <summary>
/// What a session's name may be: 1 to <see cref="MaxLength"/> characters of visible ASCII (letters, digits and the
/// punctuation from <c>!</c> to <c>~</c>; no space, no control character), compared exactly (case matters). Such a
/// name travels unchanged in a header, a cookie and a URL's query.
/// </summary>
internal static class SessionName
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule, as the refusals state it.</summary>
    public const string Rule = "a session name is 1 to 64 characters of visible ASCII: letters, digits and punctuation from '!' to '~', no spaces";

    /// <summary>What is wrong with <paramref name="name"/>, naming the rule it breaks; null for a good name.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return $"is empty; {Rule}";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long, more than {MaxLength}; {Rule}";
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] is < '!' or > '~')
            {
                return $"has {Describe(name[i])} at position {i + 1}, which is not visible ASCII; {Rule}";
            }
        }

        return null;
    }

    private static string Describe(char c) => c == ' '
        ? "a space"
        : string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
