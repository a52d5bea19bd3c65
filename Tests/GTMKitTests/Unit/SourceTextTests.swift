import GTMKit
import Testing

@Suite("SourceText.decode")
struct SourceTextTests {
    func decode(_ bytes: [UInt8]) -> Result<String, Diagnostic> {
        SourceText.decode(SourceFile(displayPath: "content/x.md", contentPath: "x.md", bytes: bytes))
    }

    func failure(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        if case .failure(let diagnostic) = decode(bytes) { return diagnostic }
        Issue.record("expected a diagnostic", sourceLocation: sourceLocation)
        return nil
    }

    @Test func emptyFileIsAnError() {
        let diagnostic = failure([])
        #expect(diagnostic?.code == .emptyFile)
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.location.description == "content/x.md:1:1")
    }

    @Test func whitespaceOnlyFileIsEmpty() {
        #expect(failure(Array(" \n\t\r\n  \n".utf8))?.code == .emptyFile)
        #expect(failure([0xEF, 0xBB, 0xBF, 0x0A])?.code == .emptyFile, "a BOM and a newline are still empty")
    }

    /// A problem of the whole file is reported at 1:1 (where an editor opens it); the message
    /// says where the first bad byte is.
    @Test func nulByteIsABinaryFileAtTheFileWithThePositionInTheMessage() {
        let bytes = Array("---\ntitle: x\nab".utf8) + [0x00, 0x41]
        let diagnostic = failure(bytes)
        #expect(diagnostic?.code == .binaryFile)
        #expect(diagnostic?.location.description == "content/x.md:1:1")
        #expect(diagnostic?.message.contains("at line 3, column 3") == true, "\(String(describing: diagnostic))")
    }

    @Test func invalidUTF8IsReportedAtTheFileWithItsLineAndColumnInTheMessage() {
        // Latin-1 `é` (0xE9) on line 2 after `title: Caf` (10 characters).
        let diagnostic = failure(Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        #expect(diagnostic?.code == .invalidUTF8)
        #expect(diagnostic?.location.description == "content/x.md:1:1")
        #expect(diagnostic?.message.contains("0xE9 at line 2, column 11") == true, "\(String(describing: diagnostic))")
    }

    @Test func invalidUTF8ColumnCountsCharactersNotBytes() {
        // `title: 中文` is 9 characters (13 bytes); the stray 0xFF is the 10th character.
        let diagnostic = failure(Array("---\ntitle: 中文".utf8) + [0xFF])
        #expect(diagnostic?.code == .invalidUTF8)
        #expect(diagnostic?.message.contains("at line 2, column 10") == true, "\(String(describing: diagnostic))")
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],        // overlong NUL
        [0xED, 0xA0, 0x80],             // UTF-16 surrogate
        [0xE4, 0xB8],                   // truncated 3-byte sequence at end of file
        [0xF5, 0x80, 0x80, 0x80],       // above U+10FFFF
        [0x80],                         // lone continuation byte
    ])
    func rejectsMalformedSequences(_ tail: [UInt8]) {
        let diagnostic = failure(Array("ok ".utf8) + tail)
        #expect(diagnostic?.code == .invalidUTF8)
        #expect(diagnostic?.message.contains("at line 1, column 4") == true, "\(String(describing: diagnostic))")
    }

    @Test func byteOrderMarkIsStripped() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: 你好\n---\n".utf8)).get()
        #expect(text == "---\ntitle: 你好\n---\n")
        #expect(text.unicodeScalars.first == "-")
    }

    @Test func validUTF8IsReturnedUnchanged() throws {
        let source = "---\ntitle: 云帆 🚀\n---\nbody\n"
        #expect(try decode(Array(source.utf8)).get() == source)
    }
}
