using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApp.Calls.Tests.Support;

/// <summary>JSON as the Calls API writes it: camelCase names, enums by name.</summary>
public static class CallsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
