using System.Text.Json.Nodes;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>
/// A small set of JSON Schemas shaped like the generated <c>contracts/schemas/</c> ones (draft-07, one file per entity
/// and per carrier, relative <c>$ref</c>s), written to a temp folder, with an example ContactEntity.
/// </summary>
public sealed class SchemaFolder : IDisposable
{
    private readonly TempDirectory folder = new();

    public SchemaFolder()
    {
        Write("ContactEntity.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"ContactEntity","type":"object","additionalProperties":false,
             "required":["ContactId"],
             "properties":{
               "ContactId":{"type":"integer","format":"int32","description":"Primary key"},
               "Name":{"type":["string","null"]},
               "Department":{"type":["string","null"]},
               "UpdatedDate":{"type":"string","format":"date-time"},
               "CreatedDate":{"type":"string","format":"date-time"},
               "NoMailing":{"type":"boolean"},
               "Rating":{"type":"number","format":"double"},
               "Emails":{"type":["array","null"],"items":{"$ref":"EntityElement.schema.json"}},
               "UpdatedBy":{"oneOf":[{"type":"null"},{"$ref":"Associate.schema.json"}]},
               "Category":{"$ref":"#/definitions/Category"},
               "CustomFields":{"type":["object","null"],"additionalProperties":{"type":["string","null"]}},
               "FieldProperties":{"oneOf":[{"type":"null"},{"$ref":"FieldProperties.schema.json"}]},
               "BounceEmails":{"type":["array","null"],"items":{"type":["string","null"]}},
               "Interests":{"type":["array","null"],"items":{"type":"string"}},
               "PostalAddress":{"type":["object","null"],"additionalProperties":false,"properties":{"City":{"type":["string","null"]}}}
             },
             "definitions":{"Category":{"type":["object","null"],"properties":{"Id":{"type":"integer"},"Value":{"type":"string"}}}}}
            """);
        Write("EntityElement.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"EntityElement","type":["object","null"],"additionalProperties":false,
             "properties":{"Value":{"type":["string","null"]},"StrippedValue":{"type":["string","null"]},"Description":{"type":["string","null"]}}}
            """);
        Write("Associate.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"Associate","type":["object","null"],"additionalProperties":false,
             "properties":{"AssociateId":{"type":"integer","format":"int32"},"Name":{"type":["string","null"]},"IsActive":{"type":"boolean"}}}
            """);
        Write("FieldProperties.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"FieldProperties","type":"object",
             "additionalProperties":{"$ref":"FieldProperty.schema.json"}}
            """);
        Write("FieldProperty.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","title":"FieldProperty","type":"object","additionalProperties":false,
             "properties":{"FieldRight":{"type":["object","null"],"properties":{"Mask":{"type":"string"}}},"FieldType":{"type":["string","null"]},"FieldLength":{"type":"integer"}}}
            """);
    }

    public string ContactSchema => folder.Combine("ContactEntity.schema.json");

    /// <summary>An example ContactEntity, with the mix of values the reference samples have.</summary>
    public static JsonNode ContactExample() => JsonNode.Parse("""
        {"ContactId":66,"Name":"SuperOffice ASA","Department":"Sales",
         "UpdatedDate":"2013-02-21T15:29:29.5607019+01:00","CreatedDate":"2026-11-22T10:00:00",
         "NoMailing":false,"Rating":4.5,
         "Emails":[{"Value":"post@superoffice.com","StrippedValue":"post@superoffice.com","Description":null}],
         "UpdatedBy":{"AssociateId":5,"Name":"Ada","IsActive":true},
         "Category":{"Id":3,"Value":"Customer"},
         "CustomFields":{"SuperOffice:1":"[I:12]","SuperOffice:2":null},
         "FieldProperties":{"Name":{"FieldRight":{"Mask":"FULL"},"FieldType":"System.String","FieldLength":220}},
         "BounceEmails":[],
         "Interests":["Golf","Sailing"],
         "PostalAddress":null,
         "Extra":7}
        """)!;

    public void Write(string name, string json) => System.IO.File.WriteAllText(folder.Combine(name), json);

    public string File(string name) => folder.Combine(name);

    public void Dispose() => folder.Dispose();
}
