using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatApp.Notifications.Application.Emails;
using ChatApp.Notifications.Domain;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace ChatApp.Notifications.Infrastructure.Templates;

/// <summary>
/// The Liquid templates under Templates/{language}/{kind}.{subject,html,txt}.liquid, all parsed
/// at start-up so that a missing or broken one stops the service instead of an email. HTML
/// bodies are rendered with HTML encoding (display names are user input); subjects and text
/// bodies without.
/// </summary>
public sealed class EmailTemplates
{
    private static readonly FluidParser Parser = new();

    // Encodes what HTML needs (<, >, &, quotes) but leaves letters of every script as they are.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly Dictionary<(EmailKind Kind, string Language), Set> _templates;
    private readonly TemplateOptions _options;

    private EmailTemplates(Dictionary<(EmailKind, string), Set> templates, TemplateOptions options)
    {
        _templates = templates;
        _options = options;
    }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Templates");

    public static EmailTemplates Load(string folder)
    {
        var options = new TemplateOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
            MemberAccessStrategy = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        options.MemberAccessStrategy.Register<SignInCodeModel>();
        options.MemberAccessStrategy.Register<WelcomeModel>();
        options.MemberAccessStrategy.Register<MissedCallModel>();
        options.MemberAccessStrategy.Register<UnreadDigestModel>();
        options.MemberAccessStrategy.Register<UnreadConversationLine>();

        var problems = new List<string>();
        var templates = new Dictionary<(EmailKind, string), Set>();
        foreach (var language in EmailLanguage.Supported)
        {
            foreach (var kind in EmailKinds.All)
            {
                var subject = Parse(folder, language, kind, "subject", problems);
                var html = Parse(folder, language, kind, "html", problems);
                var text = Parse(folder, language, kind, "txt", problems);
                if (subject is not null && html is not null && text is not null)
                    templates[(kind, language)] = new Set(subject, html, text);
            }
        }

        if (problems.Count > 0)
            throw new InvalidOperationException($"Email templates in {folder} are missing or broken:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return new EmailTemplates(templates, options);
    }

    /// <summary>
    /// Renders <paramref name="kind"/> in <paramref name="language"/> (English when not supported)
    /// with <paramref name="model"/> plus the values every email has.
    /// </summary>
    public async Task<RenderedEmail> RenderAsync(EmailKind kind, string language, object model, CommonValues common)
    {
        var set = _templates[(kind, EmailLanguage.Resolve(language))];
        var context = new TemplateContext(model, _options);
        context.SetValue("display_name", common.DisplayName);
        context.SetValue("app_url", common.AppUrl);
        // Left unset rather than empty: in Liquid an empty string is true, and security email must show no link.
        if (common.UnsubscribeUrl is { } unsubscribeUrl)
            context.SetValue("unsubscribe_url", unsubscribeUrl);

        var subject = await set.Subject.RenderAsync(context, NullEncoder.Default);
        var html = await set.Html.RenderAsync(context, Html);
        var text = await set.Text.RenderAsync(context, NullEncoder.Default);
        // A subject is one line: a name with a line break in it must not start a new header.
        var oneLineSubject = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RenderedEmail(oneLineSubject, html, text);
    }

    private static IFluidTemplate? Parse(string folder, string language, EmailKind kind, string part, List<string> problems)
    {
        var path = Path.Combine(folder, language, $"{kind.Name()}.{part}.liquid");
        if (!File.Exists(path))
        {
            problems.Add($"{path}: missing");
            return null;
        }

        if (Parser.TryParse(File.ReadAllText(path), out var template, out var error))
            return template;
        problems.Add($"{path}: {error}");
        return null;
    }

    /// <summary>What every email shows: whom it greets, where the app is, and how to stop this kind of email (null for security email).</summary>
    public sealed record CommonValues(string DisplayName, string AppUrl, string? UnsubscribeUrl);

    private sealed record Set(IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text);
}
