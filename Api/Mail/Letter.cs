using System.Net;
using System.Text;

namespace Actors.Api.Mail;

/// <summary>
/// Writes a mail's plain text and its HTML side by side, so both say the same and every value put
/// into the HTML is encoded (names come from people).
/// </summary>
public sealed class Letter
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public Letter Paragraph(string words)
    {
        text.Append(words).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(words)).Append("</p>\n");
        return this;
    }

    /// <summary>A link on its own line in the text (mail readers make it clickable), a link in the HTML.</summary>
    public Letter Link(string label, Uri address)
    {
        var url = address.AbsoluteUri;
        text.Append(label).Append(":\n").Append(url).Append("\n\n");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Label and value lines, such as the nights and room of a stay.</summary>
    public Letter Facts(params (string Label, string Value)[] facts)
    {
        html.Append("<table>\n");
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        }

        text.Append('\n');
        html.Append("</table>\n");
        return this;
    }

    public OutgoingMail To(string email, string name, string subject) =>
        new(email, name, subject, text.ToString().TrimEnd() + "\n", $"<!DOCTYPE html>\n<html><body>\n{html}</body></html>\n");
}
