import MustacheEngine

/// Escapes text for HTML element content and quoted attribute values, outside templates
/// (SVG charts, heading ids, the serve overlay), with the template engine's byte-wise escaper.
public enum HTMLEscape {
    public static func escape(_ text: String) -> String { Escaping.html.escape(text) }

    /// For XML (the feed, the sitemap): as `escape`, and the characters XML 1.0 forbids become
    /// U+FFFD. HTML shows such a character; in XML it makes the whole document unreadable.
    public static func escapeXML(_ text: String) -> String { Escaping.xml.escape(text) }
}
