using System.Globalization;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Operations;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// The <c>Prefer</c> header as Prism reads it: <c>code=NNN</c> (answer that documented status instead of doing the
/// operation) and <c>delay=MS</c> (wait before answering), separated by commas or semicolons; other preferences
/// (<c>return=minimal</c>, ...) are ignored, as RFC 7240 asks of a server that does not know them.
/// </summary>
internal readonly record struct PreferHeader(int? Code, int? DelayMs)
{
    public const string Name = "Prefer";

    /// <summary>The forced code and delay of <paramref name="values"/>, or the 400 naming what is wrong with them.</summary>
    public static PreferHeader Parse(string values, out MockHttpException? refused)
    {
        refused = null;
        int? code = null, delay = null;
        foreach (var part in values.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].Trim();
            var value = equals < 0 ? string.Empty : part[(equals + 1)..].Trim().Trim('"');
            if (name.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                code = Number(value, 100, 599);
                refused ??= code is null ? Invalid($"code={value} is not an HTTP status (100 to 599)") : null;
            }
            else if (name.Equals("delay", StringComparison.OrdinalIgnoreCase))
            {
                delay = Number(value, 0, DelayRange.MaxDelayMs);
                refused ??= delay is null ? Invalid($"delay={value} is not a delay in milliseconds from 0 to {DelayRange.MaxDelayMs}") : null;
            }
        }

        return new PreferHeader(code, delay);
    }

    public static MockHttpException Undocumented(int code, string operation, IReadOnlyList<int> documented) =>
        Invalid($"code={code} is not a status {operation} documents; it documents {string.Join(", ", documented)}");

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static MockHttpException Invalid(string problem) => MockErrors.BadRequest($"Prefer: {problem}.", "Invalid Prefer Header");
}
