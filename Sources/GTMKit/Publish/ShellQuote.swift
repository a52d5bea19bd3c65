/// Quoting for the two little languages a remote publish speaks: POSIX `sh` (the command
/// line ssh hands to the remote shell) and rsync's `-e` string.
public enum ShellQuote {
    /// One word for `sh`: bare when it holds only safe characters, else single-quoted with
    /// embedded quotes written as `'\''`. A leading `~/` stays outside the quotes as
    /// `"$HOME"/` so it still means the remote user's home.
    public static func sh(_ word: String) -> String {
        if word.hasPrefix("~/") { return "\"$HOME\"/" + sh(String(word.dropFirst(2))) }
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isSafe) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Words joined into one `sh` command line.
    public static func sh(_ words: [String]) -> String {
        words.map { sh($0) }.joined(separator: " ")
    }

    /// One word of rsync's `-e` command: rsync splits on spaces and honours single and
    /// double quotes (no backslash escapes), so a word with spaces is wrapped in whichever
    /// quote it does not contain.
    public static func rsyncTransport(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isSafe) { return word }
        return word.contains("'") ? "\"" + word + "\"" : "'" + word + "'"
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "=", ",", "+", "%": return true
        default: return false
        }
    }
}
