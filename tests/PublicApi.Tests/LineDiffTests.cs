namespace ContractHarness.PublicApi.Tests;

/// <summary>The failure message of an API change names exactly the lines that changed.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void ChangedLines_AreListedWithTheirNumbers_AndUnchangedOnesLeftOut()
    {
        var diff = LineDiff.Describe("class A\n  void M()\n  int P\n}", "class A\n  void M(int x)\n  int P\n}");

        diff.Should().Be("+    2:   void M(int x)\n-    2:   void M()\n");
    }

    [Fact]
    public void EqualTexts_HaveNoDiff() => LineDiff.Describe("a\nb", "a\nb").Should().BeEmpty();
}
