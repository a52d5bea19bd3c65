// libFuzzer harness for the Mustache engine: compiled together with Sources/MustacheEngine
// by scripts/fuzz-mustache.sh (`swiftc -sanitize=fuzzer,address`), so it reaches internals.
//
// An input is up to four templates separated by NUL bytes: the first is rendered, the others
// are partials named `a`, `b` and `c`. The context is fixed but covers every kind of value.
// Besides crashes and memory errors, the harness checks what must hold for any template:
// rendering is deterministic, problems point inside the template, a template without tags
// prints itself, and escaped values never print a raw `<`, `>`, `&`, `"` or `'`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMustache(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let names = ["main", "a", "b", "c"]
    var sources: [String: String] = [:]
    for (index, text) in parts.enumerated() { sources[names[index]] = text }

    let (library, errors) = MustacheLibrary.load(sources)
    for error in errors {
        guard let text = sources[error.template] else { fatalError("a problem in a template that does not exist: \(error)") }
        let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        precondition(error.position.line >= 1 && error.position.line <= lines, "line out of range: \(error)")
        precondition(error.position.column >= 1, "column out of range: \(error)")
    }

    let first = library.render("main", context: FuzzContext.value, escaping: .html)
    let second = library.render("main", context: FuzzContext.value, escaping: .html)
    precondition(first == second, "two renders of one template differ")
    // Searched as bytes: as a `String`, "{{" followed by a combining mark has no "{{".
    let mainBytes = Array(parts[0].utf8)
    let hasTag = mainBytes.indices.dropLast().contains { mainBytes[$0] == UInt8(ascii: "{") && mainBytes[$0 + 1] == UInt8(ascii: "{") }
    if errors.isEmpty, !hasTag, let first {
        precondition(first == Array(parts[0].utf8), "a template without tags must print itself")
    }

    // Whatever a value holds, `{{name}}` prints it escaped.
    let probe = MustacheLibrary.load(["p": "{{v}}|{{#l}}{{.}}{{/l}}"]).0
    let hostile = MustacheValue.map(["v": .text(parts[0]), "l": .list(parts.map { .text($0) })])
    for escaping in [Escaping.html, .xml] {
        let printed = probe.render("p", context: hostile, escaping: escaping) ?? []
        for byte in printed {
            precondition(byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")
                && byte != UInt8(ascii: "'"), "an escaped value printed a raw markup character")
        }
        // Every `&` starts one of the five entities.
        var index = 0
        while index < printed.count {
            if printed[index] == UInt8(ascii: "&") {
                // Compared as bytes: as a `String`, "&lt;" followed by a combining mark does not
                // have the prefix "&lt;".
                let rest = printed[index...]
                precondition(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { rest.starts(with: Array($0.utf8)) }, "a raw & in escaped output")
            }
            index += 1
        }
    }
    return 0
}

enum FuzzContext {
    static let value: MustacheValue = [
        "a": "x<y", "b": true, "c": false, "n": 3, "d": 2.5, "z": .null,
        "e": "", "h": .html("<i>raw</i>"),
        "l": ["one", "two"], "m": ["a": "inner", "l": [["a": 1], ["a": 2]], "b": ["c": "deep"]],
        "p": "a", "q": "b", "s": "c",
    ]
}
