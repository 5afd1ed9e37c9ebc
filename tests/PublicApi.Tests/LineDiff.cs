using System.Text;

namespace ContractHarness.PublicApi.Tests;

/// <summary>A line diff (longest common subsequence) showing only the changed lines, each with its line number.</summary>
internal static class LineDiff
{
    public static string Describe(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var text = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                (x, y) = (x + 1, y + 1);
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"+{y + 1,5}: {b[y++]}\n");
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"-{x + 1,5}: {a[x++]}\n");
            }
        }

        return text.ToString();
    }
}
