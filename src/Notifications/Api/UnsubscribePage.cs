using System.Text.Encodings.Web;
using ChatApp.Notifications.Application.Preferences;
using ChatApp.Notifications.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatApp.Notifications.Api;

/// <summary>The two small pages a person sees when they open an unsubscribe link, in their language.</summary>
public static class UnsubscribePage
{
    public const string ContentType = "text/html";

    public static ContentHttpResult Confirm(UnsubscribeLink link, string formAction)
    {
        var turkish = link.Language == "tr";
        var question = turkish ? $"{ListName(link.List, turkish)} almayı bırakmak istiyor musunuz?" : $"Stop getting {ListName(link.List, turkish)}?";
        var button = turkish ? "Abonelikten çık" : "Unsubscribe";
        // The form posts back to the same address (path and token) through the gateway's prefix.
        return Page(link.Language, question, $"""
            <form method="post" action="/api/notifications{HtmlEncoder.Default.Encode(formAction)}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">{button}</button></form>
            """);
    }

    public static ContentHttpResult Done(UnsubscribeLink link)
    {
        var turkish = link.Language == "tr";
        var message = turkish
            ? $"Artık {ListName(link.List, turkish)} almayacaksınız. Bunu uygulamanın ayarlarından yeniden açabilirsiniz."
            : $"You will no longer get {ListName(link.List, turkish)}. You can turn them back on in the app's settings.";
        return Page(link.Language, message, "");
    }

    private static string ListName(EmailList list, bool turkish) => (list, turkish) switch
    {
        (EmailList.MissedCalls, false) => "missed-call emails",
        (EmailList.MissedCalls, true) => "cevapsız arama e-postalarını",
        (EmailList.UnreadDigests, false) => "unread-message digests",
        (EmailList.UnreadDigests, true) => "okunmamış mesaj özetlerini",
        (_, false) => "ChatApp notification emails",
        (_, true) => "ChatApp bildirim e-postalarını",
    };

    private static ContentHttpResult Page(string language, string message, string form) => TypedResults.Content($"""
        <!DOCTYPE html>
        <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>ChatApp</title></head>
        <body style="font-family:sans-serif;max-width:480px;margin:48px auto;padding:0 16px">
        <h1 style="font-size:20px">ChatApp</h1><p>{HtmlEncoder.Default.Encode(message)}</p>{form}
        </body></html>
        """, $"{ContentType}; charset=utf-8");
}
