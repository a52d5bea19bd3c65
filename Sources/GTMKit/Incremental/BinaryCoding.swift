/// A small, fast binary format for the build cache: varints, length-prefixed UTF-8 strings,
/// and the model types the cache keeps. Much faster than JSON for tens of thousands of briefs.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    mutating func int(_ value: Int) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    /// How many bytes `int(value)` writes.
    static func intSize(_ value: Int) -> Int {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        var size = 1
        while zigzag >= 0x80 {
            zigzag >>= 7
            size += 1
        }
        return size
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        if let value {
            bool(true)
            write(&self, value)
        } else {
            bool(false)
        }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    /// A checksummed section: its length, its bytes, then their checksum (see `Checksum`).
    mutating func section(_ content: [UInt8]) {
        int(content.count)
        bytes.append(contentsOf: content)
        uint64(Checksum.of(content))
    }

    /// The bytes `section` writes, for a section written to a file piece by piece.
    static func section(_ content: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter(capacity: content.count + 24)
        writer.section(content)
        return writer.bytes
    }
}

struct BinaryReader: @unchecked Sendable {
    struct Malformed: Error {}

    /// Kept for its lifetime and for slices; reads go through `base`. Every core decodes from
    /// one buffer, and slicing the array for each string retained and released that one
    /// buffer from all of them at once.
    private let bytes: [UInt8]
    /// A mapped file read instead of an array, held for as long as the reader.
    let file: MappedFile?
    /// The array's storage (or the mapping's): stable, as `bytes` is never mutated and lives as
    /// long as the reader (which only reads it, so readers of one buffer may be used on
    /// different threads).
    private let base: UnsafePointer<UInt8>
    /// Where the next read starts; reads stop at `end` (a reader may cover part of a buffer).
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    /// Reads `range` of `bytes`, without copying it out of the buffer.
    init(_ bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "reader range out of bounds")
        self.bytes = bytes.isEmpty ? [0] : bytes
        file = nil
        base = self.bytes.withUnsafeBufferPointer { $0.baseAddress! }
        offset = range.lowerBound
        end = range.upperBound
    }

    /// Reads `range` of a mapped file, which it holds.
    init(_ file: MappedFile, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= file.size, "reader range out of bounds")
        bytes = []
        self.file = file
        base = file.base.assumingMemoryBound(to: UInt8.self)
        offset = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { offset >= end }

    /// What is left to read, as offsets into the buffer.
    var remaining: Range<Int> { offset..<end }

    /// The bytes read since `start`, sharing the reader's buffer (an array's only).
    func bytesRead(since start: Int) -> ArraySlice<UInt8> {
        precondition(file == nil, "bytesRead(since:) on a mapped file")
        return bytes[start..<offset]
    }

    /// A reader of the next `count`-prefixed part, which is skipped here.
    mutating func nested() throws -> BinaryReader {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        if let file { return BinaryReader(file, range: offset..<offset + count) }
        return BinaryReader(bytes, range: offset..<offset + count)
    }

    /// The next section (see `BinaryWriter.section`), after its checksum was found right.
    mutating func section() throws -> BinaryReader {
        let (part, checksum) = try uncheckedSection()
        guard part.checksum == checksum else { throw Malformed() }
        return part
    }

    /// The next section and the checksum it should have, for a caller that checks it later
    /// (the cache's shards are checked on every core, as they are decoded).
    mutating func uncheckedSection() throws -> (BinaryReader, UInt64) {
        let part = try nested()
        return (part, try uint64())
    }

    /// The checksum of what is left to read.
    var checksum: UInt64 {
        Checksum.of(UnsafeRawBufferPointer(start: base + offset, count: end - offset))
    }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = base[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        let decoded = Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
        return Int(decoded)
    }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= end else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(base[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < end else { throw Malformed() }
        offset += 1
        return base[offset - 1] != 0
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return String(decoding: UnsafeBufferPointer(start: base + offset, count: count), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
