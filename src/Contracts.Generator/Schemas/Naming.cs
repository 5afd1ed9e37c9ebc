using System.Globalization;

namespace ContractHarness.Contracts.Generator.Schemas;

/// <summary>Small text rules used when naming carriers and typing sample strings.</summary>
internal static class Naming
{
    /// <summary>English singular of a property name: <c>Emails</c> → <c>Email</c>, <c>FieldProperties</c> → <c>FieldProperty</c>.</summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3)
        {
            return name[..^3] + "y";
        }

        if (name.EndsWith("us", StringComparison.Ordinal) || name.EndsWith("ss", StringComparison.Ordinal))
        {
            return name;
        }

        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal))
        {
            return name[..^2];
        }

        return name.EndsWith('s') && name.Length > 1 ? name[..^1] : name;
    }

    /// <summary>True for ISO 8601 date-times as the API writes them (<c>2020-04-22T15:51:25</c>, with optional fraction and offset).</summary>
    public static bool LooksLikeDateTime(string value) =>
        value.Length >= 19 && value[4] == '-' && value[7] == '-' && value[10] == 'T' && value[13] == ':' &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
