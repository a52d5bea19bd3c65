/// A problem in a template, at the position of the tag that causes it.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The template cannot be parsed: an unclosed tag or section, a mismatched close, a
        /// bad delimiter, syntax that is not Mustache.
        case syntax
        /// A partial or parent names a template that does not exist.
        case unknownTemplate(String)
    }

    public var template: String
    public var position: TemplatePosition
    public var kind: Kind
    public var message: String

    public var description: String { "\(template):\(position.line):\(position.column): \(message)" }
}
