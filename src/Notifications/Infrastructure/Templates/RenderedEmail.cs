namespace ChatApp.Notifications.Infrastructure.Templates;

/// <summary>An email's words, ready to send: its subject, HTML body and plain-text body.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);
