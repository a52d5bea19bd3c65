import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The name of one release folder: a UTC timestamp to the second (`20261201T120000Z`), with a
/// sequence number when two publishes land in the same second (`20261201T120000Z-001`).
/// Names order by time, then sequence, so "the release before" is well defined even when the
/// clock steps back: a new name always sorts after every existing one.
public struct ReleaseName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `YYYYMMDDTHHMMSSZ`.
    public var stamp: String
    /// 0 for the first release of a second; 1, 2, … for the next ones.
    public var sequence: Int

    public init(stamp: String, sequence: Int = 0) {
        self.stamp = stamp
        self.sequence = sequence
    }

    /// Parses a folder name; nil for anything that is not a release (staging folders, files
    /// someone put there by hand), so those are never taken for releases nor pruned.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let stamp = parts[0]
        let bytes = Array(stamp.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
              bytes[0..<8].allSatisfy(Self.isDigit), bytes[9..<15].allSatisfy(Self.isDigit) else { return nil }
        var sequence = 0
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.allSatisfy(Self.isDigit), let number = Int(parts[1]), number > 0 else { return nil }
            sequence = number
        }
        self.init(stamp: String(stamp), sequence: sequence)
    }

    public var description: String {
        guard sequence > 0 else { return stamp }
        let digits = String(sequence)
        return stamp + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    public static func < (lhs: ReleaseName, rhs: ReleaseName) -> Bool {
        (lhs.stamp, lhs.sequence) < (rhs.stamp, rhs.sequence)
    }

    /// The name for a release made at `date`: its UTC second, or — when that does not sort
    /// after every existing release (same second, or a clock that stepped back) — the latest
    /// existing name with the next sequence number.
    public static func next(at date: Date, after existing: [ReleaseName]) -> ReleaseName {
        let candidate = ReleaseName(stamp: stamp(for: date))
        guard let latest = existing.max(), candidate <= latest else { return candidate }
        return ReleaseName(stamp: latest.stamp, sequence: latest.sequence + 1)
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    public static func stamp(for date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
