using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractHarness.Contracts.Catalog;

/// <summary>
/// Writes <c>endpoints.json</c>: the other half of <see cref="CatalogReader"/>, so the catalog has one codec that the
/// generator and the mock share, without the serializer (no reflection, no generated metadata: trimming and Native AOT
/// keep working). Property order, camelCase names, kebab-case enums, two-space indentation, a final newline and the
/// omission of null optional values are this file's rules; <see cref="CatalogReader"/> accepts what it writes.
/// </summary>
internal static class CatalogWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(EndpointCatalog catalog)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            if (catalog.Comment is { } comment)
            {
                writer.WriteString("comment", comment);
            }

            List(writer, "endpoints", catalog.Endpoints, Endpoint);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Endpoint(Utf8JsonWriter w, EndpointDefinition e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("title", e.Title);
        w.WriteString("source", e.Source);
        w.WriteString("method", e.Method);
        w.WriteString("route", e.Route);
        w.WriteString("resource", e.Resource);
        w.WriteString("summary", e.Summary);
        List(w, "pathParameters", e.PathParameters, Parameter);
        List(w, "queryParameters", e.QueryParameters, Parameter);
        List(w, "requestHeaders", e.RequestHeaders, (w, h) =>
        {
            w.WriteStartObject();
            w.WriteString("name", h.Name);
            w.WriteString("description", h.Description);
            w.WriteEndObject();
        });
        Strings(w, "authorizationSchemes", e.AuthorizationSchemes);
        Strings(w, "alternativeAuthorizationHeaders", e.AlternativeAuthorizationHeaders);
        Strings(w, "preconditionHeaders", e.PreconditionHeaders);
        w.WriteStartObject("requestBody");
        w.WriteString("kind", e.RequestBody.Kind switch { RequestBodyKind.Patch => "patch", _ => "entity" });
        w.WriteString("name", e.RequestBody.Name);
        w.WriteString("description", e.RequestBody.Description);
        Strings(w, "contentTypes", e.RequestBody.ContentTypes);
        w.WriteEndObject();
        Strings(w, "responseContentTypes", e.ResponseContentTypes);
        w.WriteString("entity", e.Entity);
        w.WriteString("schema", e.Schema);
        w.WriteString("primaryKey", e.PrimaryKey);
        w.WriteString("lastUpdateField", e.LastUpdateField);
        if (e.UpdatedByField is { } updatedBy)
        {
            w.WriteString("updatedByField", updatedBy);
        }

        w.WriteString("fixture", e.Fixture);
        w.WriteNumber("fixtureId", e.FixtureId);
        List(w, "responses", e.Responses, Response);
        List(w, "serverResponses", e.ServerResponses, Response);
        List(w, "readResponses", e.ReadResponses, Response);
        w.WriteEndObject();
    }

    private static void Parameter(Utf8JsonWriter w, ParameterDefinition p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteString("type", p.Type);
        w.WriteString("description", p.Description);
        w.WriteBoolean("required", p.Required);
        w.WriteEndObject();
    }

    private static void Response(Utf8JsonWriter w, ResponseDefinition r)
    {
        w.WriteStartObject();
        w.WriteNumber("status", r.Status);
        w.WriteString("description", r.Description);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values) => List(w, name, values, (w, v) => w.WriteStringValue(v));

    private static void List<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> item)
    {
        w.WriteStartArray(name);
        foreach (var value in items)
        {
            item(w, value);
        }

        w.WriteEndArray();
    }
}
