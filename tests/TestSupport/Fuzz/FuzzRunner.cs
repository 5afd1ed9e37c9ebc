using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>
/// Sends generated cases to a running mock and judges each: never a 5xx; every 4xx carries the SuperOffice error
/// body; a refusal leaves the entity byte-identical (GET before and after); a hostile request is never accepted; a
/// valid update answers 200 and shows its value. Workers own disjoint ids, so the before/after GETs are exact.
/// Case <c>i</c> of a category draws from a random source seeded by (seed, category, i): a seed replays a run.
/// </summary>
internal sealed class FuzzRunner(HttpClient client, IReadOnlyList<FuzzTarget> targets, int seed, int workers = 4)
{
    public async Task<FuzzTally> RunAsync(FuzzCategory category, int count)
    {
        var tally = new FuzzTally(category.Name, seed);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < count; i += workers)
            {
                await RunOneAsync(category, i, w, tally);
            }
        })));
        return tally;
    }

    /// <summary>The case a seed and index produce, for replaying one reproduction.</summary>
    public async Task<(FuzzCase Case, string Before)> CaseAsync(FuzzCategory category, int index, int worker)
    {
        var random = new Random(Mix(seed, category.Name, index));
        var target = targets[random.Next(targets.Count)];
        var id = worker + 1 + (workers * random.Next(FuzzTarget.IdCount / workers));
        var entity = await GetTextAsync(target.Prefix + id);
        var context = new FuzzContext(category.Name, random, target, id, entity.Text, $"fz{seed}-{category.Name}-{index}");
        return (category.Make(context), entity.Text);
    }

    private async Task RunOneAsync(FuzzCategory category, int index, int worker, FuzzTally tally)
    {
        var (fuzz, before) = await CaseAsync(category, index, worker);
        if (fuzz.Setup is not null)
        {
            before = await SetUpAsync(fuzz, index, tally);
        }

        tally.Tried();
        int status;
        string text;
        MediaTypeHeaderValue? mediaType;
        try
        {
            using var request = Build(fuzz);
            using var response = await client.SendAsync(request);
            (status, text, mediaType) = ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or FormatException)
        {
            tally.Add(new(FuzzTally.Unsendable, index, 0, fuzz.Describe(), ex.Message));
            return;
        }

        var after = await GetTextAsync(fuzz.EntityPath);
        foreach (var kind in Judge(fuzz, status, text, mediaType, before, after.Text))
        {
            tally.Add(new(kind, index, status, fuzz.Describe(), text.Length > 300 ? text[..300] + "..." : text));
        }
    }

    /// <summary>Sends the case's setup update; a 5xx there is a finding too. Returns the entity after it.</summary>
    private async Task<string> SetUpAsync(FuzzCase fuzz, int index, FuzzTally tally)
    {
        using var content = new ByteArrayContent(fuzz.Setup!);
        content.Headers.ContentType = new MediaTypeHeaderValue(FuzzCase.JsonPatchType);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(fuzz.Target.Endpoint.Method), fuzz.EntityPath) { Content = content });
        if ((int)response.StatusCode >= 500)
        {
            tally.Add(new(FuzzTally.ServerError, index, (int)response.StatusCode, "setup of " + fuzz.Describe(), await response.Content.ReadAsStringAsync()));
        }

        return (await GetTextAsync(fuzz.EntityPath)).Text;
    }

    private static IEnumerable<string> Judge(FuzzCase fuzz, int status, string text, MediaTypeHeaderValue? mediaType, string before, string after)
    {
        var accepted = status is >= 200 and < 300;
        if (status >= 500)
        {
            yield return FuzzTally.ServerError;
        }
        else if (status is >= 400 and < 500 && !IsErrorBody(text, mediaType))
        {
            yield return FuzzTally.BadErrorBody;
        }

        if (!accepted && before != after)
        {
            yield return FuzzTally.ChangedOnRefusal;
        }

        if (fuzz.Expect == Expect.Refuse && accepted)
        {
            yield return FuzzTally.AcceptedHostile;
        }
        else if (fuzz.RefuseWith is { } expected && status is >= 400 and < 500 && status != expected)
        {
            yield return FuzzTally.WrongRefusal;
        }

        if ((fuzz.Expect == Expect.Accept && status != 200) || (accepted && fuzz.CheckProperty is { } property && !Shows(after, property, fuzz.CheckValue)))
        {
            yield return FuzzTally.UpdateNotApplied;
        }
    }

    private static bool Shows(string entity, string property, JsonNode? value) =>
        JsonNode.DeepEquals(RawJson.Parse(entity)![property], value);

    private static bool IsErrorBody(string text, MediaTypeHeaderValue? mediaType)
    {
        if (mediaType?.MediaType != "application/json")
        {
            return false;
        }

        try
        {
            var body = RawJson.Parse(text) as JsonObject;
            return body?["Error"]?.GetValueKind() == JsonValueKind.True
                && new[] { "ErrorType", "ErrorMessage", "ErrorSource" }.All(name => body[name]?.GetValueKind() == JsonValueKind.String);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Build(FuzzCase fuzz)
    {
        var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Path);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private async Task<(int Status, string Text)> GetTextAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? ((int)response.StatusCode, text) : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>A stable mix of the seed, the category and the index (string.GetHashCode differs per process).</summary>
    private static int Mix(int seed, string category, int index)
    {
        var hash = 2166136261u;
        foreach (var ch in category)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash ^ (uint)seed * 2654435761u ^ (uint)index * 40503u);
    }
}
