using ChatApp.Notifications.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Notifications.Tests.Api;

/// <summary>The OpenAPI document the web app's TypeScript client is generated from.</summary>
public sealed class OpenApiDocumentTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Every_operation_is_named_and_documents_its_answers_and_failures()
    {
        using var http = fixture.Client();

        // Every operation here can fail: the preferences need a signed-in user known to the
        // service, and an unsubscribe link must be one we signed.
        var document = await OpenApiResponses.AssertCompleteAsync(http, "/api/notifications");

        Assert.Equal(
            ["GetPreferences", "ShowUnsubscribePage", "Unsubscribe", "UpdatePreferences"],
            document.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject().Select(operation => operation.Value.GetProperty("operationId").GetString()))
                .Order(StringComparer.Ordinal));
    }
}
