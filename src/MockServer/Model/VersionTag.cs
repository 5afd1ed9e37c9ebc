namespace ContractHarness.MockServer.Model;

/// <summary>A stored version's entity tag (quoted, as the <c>ETag</c> header carries it) and the second it was stored (UTC).</summary>
internal sealed record VersionTag(string ETag, DateTimeOffset StoredAt);
