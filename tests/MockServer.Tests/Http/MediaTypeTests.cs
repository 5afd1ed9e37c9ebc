using ContractHarness.MockServer.Http;

namespace ContractHarness.MockServer.Tests.Http;

/// <summary>
/// <see cref="RequestBody"/>'s reading of Content-Type: it keeps the last value it parsed, so values that follow one
/// another must each get their own answer, parameters and case included.
/// </summary>
public sealed class MediaTypeTests
{
    [Fact]
    public void ContentTypesOneAfterAnother_EachGetTheirOwnAnswer()
    {
        var answers = new List<string>();
        string[] sequence =
        [
            "application/merge-patch+json", "application/merge-patch+json", "application/json-patch+json", "text/xml",
            "Application/JSON-Patch+JSON; charset=utf-8", "application/", "application/json", "application/merge-patch+json",
        ];
        foreach (var contentType in sequence)
        {
            answers.Add($"{RequestBody.MediaTypeRefusal(contentType)?.Status ?? 0} merge={RequestBody.IsMergePatch(contentType)} patch={RequestBody.IsJsonPatch(contentType)}");
        }

        answers.Should().Equal(
            "0 merge=True patch=False",
            "0 merge=True patch=False",
            "0 merge=False patch=True",
            "415 merge=False patch=False",
            "0 merge=False patch=True",
            "415 merge=False patch=False",
            "0 merge=False patch=False",
            "0 merge=True patch=False");
    }

    [Fact]
    public void ContentTypesFromManyThreads_KeepTheirAnswers()
    {
        string[] types = ["application/merge-patch+json", "application/json-patch+json", "text/plain", "application/json"];
        var wrong = 0;
        Parallel.For(0, 40_000, i =>
        {
            var type = types[i % types.Length];
            var expected = (type == types[0], type == types[1], type == types[2]);
            if ((RequestBody.IsMergePatch(type), RequestBody.IsJsonPatch(type), RequestBody.MediaTypeRefusal(type) is not null) != expected)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        wrong.Should().Be(0);
    }
}
