namespace ContractHarness.Contracts.Validation;

/// <summary>The JSON types a schema's <c>type</c> keyword allows (all of them when the keyword is absent).</summary>
[Flags]
public enum SchemaTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
    Any = Null | Boolean | Integer | Number | String | Array | Object,
}
