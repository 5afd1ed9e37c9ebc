using ContractHarness.WireMock.Tests.Support;

namespace ContractHarness.WireMock.Tests;

/// <summary>The real WireMock standalone jar, started on contracts/wiremock, answers every case of the shared table.</summary>
public sealed class JavaStandaloneTests(JavaWireMock host) : IClassFixture<JavaWireMock>
{
    [Theory]
    [MemberData(nameof(StubAnswers.All), MemberType = typeof(StubAnswers))]
    public Task RootDir_AnswersAsTheRulesSay(StubCase c) => StubChecks.AnswersAsExpected(host.Http, c);
}
