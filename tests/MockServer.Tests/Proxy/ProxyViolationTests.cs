using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static ContractHarness.MockServer.Tests.Proxy.ProxyAdmin;

namespace ContractHarness.MockServer.Tests.Proxy;

/// <summary>
/// <c>--proxy</c> in front of a tenant that breaks the contract on purpose (<see cref="FakeTenant"/>): its answers pass
/// byte for byte, and every violation of the request and of the answer is counted in <c>X-Contract-Violations</c>,
/// listed with its path in the journal and summed in <c>/__admin/violations</c>; no credential is ever quoted.
/// </summary>
public sealed class ProxyViolationTests : IAsyncLifetime
{
    private static readonly (string, string) Auth = ("Authorization", "Bearer s3cret-token");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private FakeTenant _tenant = null!;
    private SuperOfficeMockServer _proxy = null!;
    private HttpClient _client = null!;
    private (string Body, (string, string)[] Headers) _contact;

    public async Task InitializeAsync()
    {
        _tenant = await FakeTenant.StartAsync();
        _proxy = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions
        {
            Port = 0, LogRequests = false, Proxy = _tenant.BaseAddress, TimeProvider = _clock,
        });
        _client = RawClient(_proxy.BaseAddress);
        _contact = await ValidAnswerAsync("/api/v1/Contact/1");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task ValidEntity_HasNoViolation()
    {
        _tenant.Answer = FakeTenant.Json(200, _contact.Body, _contact.Headers);

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        Count(response).Should().Be(0, string.Join("; ", await LastViolationsAsync(_client)));
        (await JournalAsync(_client))[0]!["violations"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task WrongEntity_IsPassedOnByteForByte_AndEachViolationIsListedWithItsPath()
    {
        var entity = JsonNode.Parse(_contact.Body)!.AsObject();
        entity["Associate"]!["Type"] = "eius";
        entity["Department"] = 42;
        entity["Emails"]!.AsArray().Add(new JsonObject { ["Value"] = 7 });
        entity["Nickname"] = "Bob";
        entity["ContactId"] = 12;
        var body = entity.ToJsonString();
        _tenant.Answer = FakeTenant.Json(200, body, _contact.Headers);

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Encoding.UTF8.GetBytes(body), "a violation never changes the answer");
        var violations = (await JournalAsync(_client))[0]!["violations"]!.AsArray();
        violations.Select(v => ((string)v!["side"]!, (string)v["path"]!)).Should().BeEquivalentTo(
        [
            ("response", "/Associate/Type"), ("response", "/Department"), ("response", $"/Emails/{entity["Emails"]!.AsArray().Count - 1}/Value"),
            ("response", "/Nickname"), ("response", "/ContactId"),
        ]);
        Count(response).Should().Be(5);
        ((string)violations.Single(v => (string)v!["path"]! == "/Associate/Type")!["message"]!).Should().Contain("\"eius\" is not one of");
        ((string)violations.Single(v => (string)v!["path"]! == "/ContactId")!["message"]!).Should().Contain("at id 1 has ContactId 12");
    }

    [Fact]
    public async Task EveryViolationIsListed_NotTheFirstFew()
    {
        var entity = JsonNode.Parse(_contact.Body)!.AsObject();
        var strings = entity.Where(p => p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            && p.Key is not ("UpdatedDate" or "CreatedDate" or "DbiLastSyncronized" or "DbiLastModified")).Select(p => p.Key).ToList();
        foreach (var name in strings)
        {
            entity[name] = 1;
        }

        foreach (var email in entity["Emails"]!.AsArray())
        {
            email!["Value"] = false;
        }

        _tenant.Answer = FakeTenant.Json(200, entity.ToJsonString(), _contact.Headers);

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        var expected = strings.Count + entity["Emails"]!.AsArray().Count;
        expected.Should().BeGreaterThan(8);
        Count(response).Should().Be(expected);
        (await LastViolationsAsync(_client)).Select(v => v.Path).Should().OnlyHaveUniqueItems().And.HaveCount(expected);
    }

    [Fact]
    public async Task MissingAndMalformedHeaders_AndAStampThatIsNotLastModified_AreViolations()
    {
        var stamp = (string)JsonNode.Parse(_contact.Body)!["UpdatedDate"]!;
        _tenant.Answer = FakeTenant.Json(200, _contact.Body, ("ETag", "not-quoted"), ("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"));

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        var violations = (await JournalAsync(_client))[0]!["violations"]!.AsArray();
        violations.Select(v => (string)v!["path"]!).Should().BeEquivalentTo(["header:ETag", "header:Cache-Control", "header:Last-Modified"]);
        ((string)violations.Single(v => (string)v!["path"]! == "header:Last-Modified")!["message"]!).Should().Contain(stamp);
        response.Headers.ETag.Should().BeNull("the tenant's header passes as it is");
        response.Headers.GetValues("ETag").Single().Should().Be("not-quoted");
    }

    [Fact]
    public async Task UndocumentedStatus_AndAnErrorBodyOfAnotherShape_AreViolations()
    {
        _tenant.Answer = FakeTenant.Json(418, """{"message":"short and stout"}""");

        using var teapot = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """{"Department":"Tea"}""", "application/merge-patch+json", Auth);

        teapot.StatusCode.Should().Be((HttpStatusCode)418);
        (await teapot.Content.ReadAsStringAsync()).Should().Be("""{"message":"short and stout"}""");
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo(
            [("response", "status"), ("response", "/Error"), ("response", "/ErrorType"), ("response", "/ErrorMessage")]);

        _tenant.Answer = async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<h1>oops</h1>");
        };
        using var html = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo([("response", "status"), ("response", "header:Content-Type")]);
        (await html.Content.ReadAsStringAsync()).Should().Be("<h1>oops</h1>");
    }

    [Fact]
    public async Task RequestThatBreaksThePatchRules_IsForwardedUnchanged_AndEachViolationListed()
    {
        _tenant.Answer = FakeTenant.Json(400, """{"Error":true,"ErrorType":"ArgumentException","ErrorMessage":"no","ErrorSource":"tenant"}""");
        const string Patch = """[{"op":"move","from":"/Name","path":"/Department"},{"op":"replace","path":"associate/type","value":"eius"},""" +
            """{"op":"replace","path":"/Nickname","value":"x"},{"op":"replace","path":"/ContactId","value":7},{"op":"add","path":"/Emails/-","value":{"Value":3}},""" +
            """{"op":"replace","path":"/CreatedDate","value":"2024-05-01T12:00:00+02:00"},{"op":"test","path":"/Department","value":9}]""";

        using var response = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", Patch, "application/json-patch+json", Auth);

        _tenant.Received.Last().Body.Should().Equal(Encoding.UTF8.GetBytes(Patch), "the request passes as it was sent");
        _tenant.Received.Last().Headers["Authorization"].Should().Be("Bearer s3cret-token", "the tenant gets the client's credentials");
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo(
            [("request", "/0"), ("request", "/Associate/Type"), ("request", "/Nickname"), ("request", "/ContactId"), ("request", "/Emails/-/Value")],
            "an offset on a date-time is accepted, as the mock converts it; a test's value is a comparison, not a new value");
        Count(response).Should().Be(5);
    }

    [Fact]
    public async Task MergePatchAndPut_AreCheckedMemberByMember()
    {
        _tenant.Answer = FakeTenant.Json(400, """{"Error":true,"ErrorType":"ArgumentException","ErrorMessage":"no","ErrorSource":"tenant"}""");

        using var merge = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """{"associate":{"type":"eius","AssociateId":3},"Nickname":1,"Department":null}""",
            "application/merge-patch+json", Auth);
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo([("request", "/Associate/Type"), ("request", "/Nickname")]);

        using var put = await SendAsync(_client, HttpMethod.Put, "/api/v1/Relation/3", """{"Comment":5,"Reversed":"no","Unknown":1}""", "application/json", Auth);
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo([("request", "/Comment"), ("request", "/Reversed"), ("request", "/Unknown")]);

        using var wrongShape = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """[{"op":"replace","path":"/Name","value":"x"}]""",
            "application/merge-patch+json", Auth);
        (await LastViolationsAsync(_client)).Should().BeEquivalentTo([("request", "/")]);
    }

    [Fact]
    public async Task RequestHeadersAndQuery_AreCheckedAgainstTheOperation()
    {
        _tenant.Answer = FakeTenant.Json(200, _contact.Body, _contact.Headers);

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/x1?$select=Name,Nickname", headers:
            [("Authorization", "Digest s3cret-token"), ("If-Modified-Since", "yesterday"), ("If-None-Match", "abc")]);

        (await LastViolationsAsync(_client)).Should().Contain(
            [("request", "path:id"), ("request", "query:$select"), ("request", "header:Authorization"), ("request", "header:If-Modified-Since"), ("request", "header:If-None-Match")]);

        using var delete = await SendAsync(_client, HttpMethod.Delete, "/api/v1/Contact/1", headers: Auth);
        (await LastViolationsAsync(_client)).Should().Contain(("request", "method"));
    }

    [Fact]
    public async Task Credentials_AreNeverQuoted_InTheJournalOrTheViolations()
    {
        _tenant.Answer = FakeTenant.Json(200, _contact.Body, _contact.Headers);

        using var scheme = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: [("Authorization", "s3cret-token-without-scheme")]);
        using var xsrf = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """[{"op":"replace","path":"/Nickname","value":"x"}]""", "application/json-patch+json",
            ("X-XSRF-TOKEN", "s3cret-xsrf"), ("Cookie", "s3cret-cookie"));
        using var bearer = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        var journal = await _client.GetStringAsync("/__admin/requests");
        var summary = await _client.GetStringAsync("/__admin/violations");
        journal.Should().Contain("[redacted]").And.Contain("header:Authorization").And.NotContain("s3cret");
        summary.Should().Contain("header:Authorization").And.NotContain("s3cret");
    }

    [Fact]
    public async Task Summary_CountsPerOperationSideAndPath_WithTheLastMessageAndWhenItWasSeen()
    {
        using var clear = await SendAsync(_client, HttpMethod.Delete, "/__admin/violations");
        _tenant.Answer = FakeTenant.Json(200, _contact.Body, _contact.Headers);
        using var first = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """{"Department":1}""", "application/merge-patch+json", Auth);
        _clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await SendAsync(_client, HttpMethod.Patch, "/api/v1/Contact/1", """{"Department":true}""", "application/merge-patch+json", Auth);
        using var clean = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        var summary = await SummaryAsync(_client);

        summary["exchanges"]!.GetValue<long>().Should().Be(3);
        summary["exchangesWithViolations"]!.GetValue<long>().Should().Be(2);
        var line = summary["paths"]!.AsArray().Single()!;
        ((string)line["operation"]!, (string)line["side"]!, (string)line["path"]!).Should().Be(("PATCH Contact/{id}", "request", "/Department"));
        line["count"]!.GetValue<long>().Should().Be(2);
        ((string)line["lastMessage"]!).Should().Contain("boolean");
        line["lastSeen"]!.GetValue<DateTimeOffset>().Should().Be(_clock.GetUtcNow());

        using var delete = await SendAsync(_client, HttpMethod.Delete, "/__admin/violations");
        (await SummaryAsync(_client))["paths"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Redirects_AreNotFollowed_TheClientGetsThe3xx()
    {
        await using var elsewhere = await FakeTenant.StartAsync();
        var target = new Uri(elsewhere.BaseAddress, "api/v1/Contact/1").ToString();
        _tenant.Answer = context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        };

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: Auth);

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location!.ToString().Should().Be(target);
        elsewhere.Received.Should().BeEmpty("the credentials go to the tenant only");
    }

    [Fact]
    public async Task CompressedAnswer_PassesAsSent_AndIsCheckedUncompressed()
    {
        var entity = JsonNode.Parse(_contact.Body)!.AsObject();
        entity["Department"] = 42;
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(entity.ToJsonString()));
        }

        var bytes = packed.ToArray();
        _tenant.Answer = async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            foreach (var (name, value) in _contact.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.Body.WriteAsync(bytes);
        };

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers: [Auth, ("Accept-Encoding", "gzip")]);

        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        _tenant.Received.Last().Headers["Accept-Encoding"].Should().Be("gzip");
        (await LastViolationsAsync(_client)).Should().Equal(("response", "/Department"));
        ((string)(await JournalAsync(_client))[0]!["responseBody"]!).Should().Contain("\"Department\":42", "the journal shows the body uncompressed");
    }

    [Fact]
    public async Task HopByHopHeaders_StayOnTheirHop_OthersPassBothWays()
    {
        _tenant.Answer = async context =>
        {
            context.Response.Headers["X-Tenant"] = "yes";
            context.Response.Headers.Date = "Sun, 06 Nov 1994 08:49:37 GMT";
            context.Response.Headers.Server = "tenant";
            await FakeTenant.Json(200, _contact.Body, _contact.Headers)(context);
        };

        using var response = await SendAsync(_client, HttpMethod.Get, "/api/v1/Contact/1", headers:
            [Auth, ("Connection", "X-Hop"), ("X-Hop", "1"), ("Proxy-Authorization", "Basic eA=="), ("SO-Language", "no")]);

        var received = _tenant.Received.Last();
        received.Headers.Should().ContainKey("SO-Language").And.NotContainKey("X-Hop").And.NotContainKey("Proxy-Authorization");
        received.Headers["Host"].Should().Be(_tenant.BaseAddress.Authority);
        received.PathAndQuery.Should().Be("/api/v1/Contact/1");
        response.Headers.GetValues("X-Tenant").Single().Should().Be("yes");
        response.Headers.GetValues("Date").Single().Should().Be("Sun, 06 Nov 1994 08:49:37 GMT", "the tenant's own date, not the proxy's");
        response.Headers.GetValues("Server").Single().Should().Be("tenant");
    }

    /// <summary>What a mock answers for <paramref name="path"/>: a valid body and the headers the contract names.</summary>
    private static async Task<(string Body, (string, string)[] Headers)> ValidAnswerAsync(string path)
    {
        using var engine = SuperOfficeMockEngine.Start(new Uri("http://127.0.0.1:9/"), new SuperOfficeMockServerOptions { LogRequests = false });
        var answer = await engine.HandleAsync(new MockRequest("GET", path));
        return (Encoding.UTF8.GetString(answer.Body), [("ETag", answer.Headers["ETag"]), ("Last-Modified", answer.Headers["Last-Modified"]), ("Cache-Control", answer.Headers["Cache-Control"])]);
    }
}
