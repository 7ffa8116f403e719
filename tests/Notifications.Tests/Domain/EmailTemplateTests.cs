using ChatApp.Notifications.Domain;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Infrastructure.Templates;

namespace ChatApp.Notifications.Tests.Domain;

/// <summary>The template files shipped with the service: every kind in every language renders, and user input cannot break out of the HTML.</summary>
public sealed class EmailTemplateTests
{
    private static readonly EmailTemplates Templates = EmailTemplates.Load(EmailTemplates.DefaultFolder);
    private static readonly EmailTemplates.CommonValues Common = new("Ayşe <b>Yılmaz</b>", "http://localhost:5080", "http://localhost:5080/api/notifications/unsubscribe?token=abc&x=1");

    public static TheoryData<EmailKind, string> EveryKindAndLanguage()
    {
        var data = new TheoryData<EmailKind, string>();
        foreach (var kind in EmailKinds.All)
        {
            foreach (var language in EmailLanguage.Supported)
                data.Add(kind, language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndLanguage))]
    public async Task Every_kind_renders_in_every_language_with_its_details(EmailKind kind, string language)
    {
        var (model, details) = Sample(kind);
        var common = kind == EmailKind.SignInCode ? Common with { UnsubscribeUrl = null } : Common;
        var email = await Templates.RenderAsync(kind, language, model, common);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\n', email.Subject);
        foreach (var detail in details)
        {
            Assert.Contains(detail, email.Text);
            Assert.Contains(detail, email.Html);
        }

        Assert.Contains("Ayşe <b>Yılmaz</b>", email.Text);
        Assert.Contains("Ayşe &lt;b&gt;Yılmaz&lt;/b&gt;", email.Html);
        Assert.DoesNotContain("<b>Yılmaz", email.Html);
        if (kind == EmailKind.SignInCode)
        {
            Assert.DoesNotContain("unsubscribe", email.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("unsubscribe", email.Html, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Contains(common.UnsubscribeUrl!, email.Text);
            Assert.Contains("href=\"http://localhost:5080/api/notifications/unsubscribe?token=abc&amp;x=1\"", email.Html);
        }
    }

    [Fact]
    public async Task The_same_email_speaks_each_language()
    {
        var (model, _) = Sample(EmailKind.SignInCode);
        var common = Common with { UnsubscribeUrl = null };
        var english = await Templates.RenderAsync(EmailKind.SignInCode, "en", model, common);
        var turkish = await Templates.RenderAsync(EmailKind.SignInCode, "tr", model, common);
        Assert.Contains("Not you?", english.Text);
        Assert.Contains("Siz değil misiniz?", turkish.Text);
        Assert.Equal("123456 is your ChatApp sign-in code", english.Subject);
        Assert.Equal("ChatApp giriş kodunuz: 123456", turkish.Subject);
    }

    [Fact]
    public async Task An_unsupported_language_gets_english()
    {
        var (model, _) = Sample(EmailKind.Welcome);
        var email = await Templates.RenderAsync(EmailKind.Welcome, "klingon", model, Common);
        Assert.StartsWith("Welcome to ChatApp", email.Subject);
    }

    [Fact]
    public async Task A_name_with_a_line_break_cannot_add_a_header_through_the_subject()
    {
        var model = new MissedCallModel("Eve\r\nBcc: everyone@example.com", "eve", "today");
        var email = await Templates.RenderAsync(EmailKind.MissedCall, "en", model, Common);
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
    }

    [Fact]
    public void A_missing_template_stops_the_service_at_start_up()
    {
        var folder = Directory.CreateTempSubdirectory("chatapp-templates-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => (object)EmailTemplates.Load(folder));
            Assert.Contains("sign-in-code.subject.liquid: missing", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (object Model, string[] Details) Sample(EmailKind kind) => kind switch
    {
        EmailKind.SignInCode => (new SignInCodeModel("123456", "24 Nov 2026 12:10 (UTC)", 10, "127.0.0.1, Firefox", "24 Nov 2026 12:00 (UTC)"),
            ["123456", "24 Nov 2026 12:10 (UTC)", "10", "127.0.0.1, Firefox"]),
        EmailKind.Welcome => (new WelcomeModel("ayse"), ["@ayse", "http://localhost:5080"]),
        EmailKind.MissedCall => (new MissedCallModel("Mehmet", "mehmet", "24 Nov 2026 12:00 (UTC)"), ["Mehmet", "@mehmet", "24 Nov 2026 12:00 (UTC)"]),
        EmailKind.UnreadDigest => (new UnreadDigestModel(7, [
                new UnreadConversationLine("Mehmet", false, 3, "Mehmet", "yesterday"),
                new UnreadConversationLine("Family", true, 4, "Ali, Zeynep", "today"),
            ]), ["Mehmet", "Family", "Ali, Zeynep", "3", "4"]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
