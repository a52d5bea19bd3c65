#if canImport(Glibc)
import Glibc
#endif

/// The cache's text file (`.site.cache.text`): the HTML and search text of every cached brief.
/// Builds append what they render and rewrite the file only when most of it is stale, so a
/// one-brief edit writes kilobytes, not the whole site's HTML. The file is mapped, never read
/// whole: a build reads only the text of the pages it renders again.
///
/// The file is only ever appended to or replaced by rename, never truncated, so a mapping
/// stays valid for as long as a build holds it. A generation number in its header ties it to
/// the cache file that points into it, and the cache keeps a checksum of every mebibyte of
/// it (`TextFileRecord`): a file damaged on disk is found when the cache is read, before any
/// of its texts can reach a page, instead of in the middle of a build.
final class TextStore: @unchecked Sendable {
    static let magic = Array("gtmgen-text-1\n".utf8)
    static var headerSize: Int { magic.count + 8 }

    let generation: UInt64
    /// Bytes in use: the part of the file the checksums cover and texts may point into.
    let size: Int
    /// One checksum per `TextFileRecord.chunkSize` bytes of the first `size`.
    let chunkChecksums: [UInt64]
    /// The whole file as it was when it was opened.
    private let file: MappedFile
    private var base: UnsafeRawPointer { file.base }

    private init(generation: UInt64, size: Int, chunkChecksums: [UInt64], file: MappedFile) {
        self.generation = generation
        self.size = size
        self.chunkChecksums = chunkChecksums
        self.file = file
    }

    /// Maps the text file a cache describes: nil unless it is that file (its generation) and
    /// its first `record.size` bytes still have the recorded checksums, checked on every core.
    convenience init?(path: String, expecting record: TextFileRecord) {
        guard let (file, generation) = Self.map(path),
              generation == record.generation, record.size >= Self.headerSize, record.size <= file.size,
              Self.checksums(of: path, from: 0, to: record.size) == record.chunkChecksums else { return nil }
        self.init(generation: generation, size: record.size, chunkChecksums: record.chunkChecksums, file: file)
    }

    /// Maps a file this process has just written and computes its checksums. A file that was
    /// appended to keeps the checksums of the whole chunks `earlier` (the same file before
    /// the append) had already checked: only the last chunk and what follows are read.
    convenience init?(writtenAt path: String, generation expected: UInt64, continuing earlier: TextStore?) {
        guard let (file, generation) = Self.map(path), generation == expected else { return nil }
        var kept: [UInt64] = []
        if let earlier, earlier.generation == generation, earlier.size <= file.size {
            kept = Array(earlier.chunkChecksums.prefix(earlier.size / TextFileRecord.chunkSize))
        }
        let start = kept.count * TextFileRecord.chunkSize
        guard let added = Self.checksums(of: path, from: start, to: file.size) else { return nil }
        self.init(generation: generation, size: file.size, chunkChecksums: kept + added, file: file)
    }

    /// What the cache file records of this text file.
    var record: TextFileRecord {
        TextFileRecord(generation: generation, size: size, chunkChecksums: chunkChecksums)
    }

    func contains(_ range: Range<Int>) -> Bool {
        range.lowerBound >= Self.headerSize && range.upperBound <= size
    }

    /// The text at a byte range. Every range read from a cache was checked against the
    /// file's checked size when the cache was read (`BinaryReader.markdown(store:)`), so one
    /// out of bounds here is a fault of the program: the build stops before it publishes a
    /// page from bytes outside the text, and the output stays as it was.
    func string(_ range: Range<Int>) -> String {
        precondition(contains(range), "text store range out of bounds")
        return String(decoding: UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// The raw bytes at a range, for copying into a new file without decoding.
    func withBytes<T>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        precondition(contains(range), "text store range out of bounds")
        return try body(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    /// The generation recorded in the file at `path` now (another build may have replaced it).
    static func generation(at path: String) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: headerSize)
        guard read(descriptor, &header, headerSize) == headerSize, Array(header.prefix(magic.count)) == magic else { return nil }
        var generation: UInt64 = 0
        for index in 0..<8 { generation |= UInt64(header[magic.count + index]) << UInt64(index * 8) }
        return generation
    }

    /// The whole file mapped, with its generation; nil when it is missing or not a text store.
    private static func map(_ path: String) -> (MappedFile, UInt64)? {
        guard let file = MappedFile.map(path), file.size >= headerSize else { return nil }
        let header = UnsafeRawBufferPointer(start: file.base, count: headerSize)
        guard Array(header.prefix(magic.count)) == magic else { return nil }
        var generation: UInt64 = 0
        for index in 0..<8 { generation |= UInt64(header[magic.count + index]) << UInt64(index * 8) }
        return (file, generation)
    }

    /// Checksums of the chunks of `start..<end` (`start` on a chunk boundary), on every core;
    /// nil when the file cannot be read that far. Read in chunks through the file rather than
    /// through the mapping: pages touched through a mapping stay in the process's resident
    /// memory for as long as it lives, and a full build would carry the whole text file.
    private static func checksums(of path: String, from start: Int, to end: Int) -> [UInt64]? {
        let chunk = TextFileRecord.chunkSize
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let sums = Array(stride(from: start, to: end, by: chunk)).parallelMap(chunkSize: 1) { offset -> UInt64? in
            let count = min(chunk, end - offset)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            defer { buffer.deallocate() }
            var filled = 0
            while filled < count {
                let result = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                guard result > 0 else { return nil }
                filled += result
            }
            return Checksum.of(UnsafeRawBufferPointer(buffer))
        }
        var all: [UInt64] = []
        all.reserveCapacity(sums.count)
        for sum in sums {
            guard let sum else { return nil }
            all.append(sum)
        }
        return all
    }
}

/// What a cache records of its text file: which file (its generation), how much of it the
/// cache points into (a build that appended and then died may have left more), and a checksum
/// of every chunk of that much.
struct TextFileRecord: Sendable, Equatable {
    static let chunkSize = 1 << 20

    var generation: UInt64
    var size: Int
    var chunkChecksums: [UInt64]
}

/// Writes bodies into a text store: appended to the current file, or into a new one.
struct TextStoreWriter {
    let path: String
    private let descriptor: Int32
    private(set) var offset: Int
    let generation: UInt64
    private let temporary: String?
    private var buffer: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts a new file with a fresh generation; it replaces the old one on `finish`.
    static func rewrite(path: String) throws -> TextStoreWriter {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary)") }
        var generation = UInt64.random(in: 1...UInt64.max)
        var writer = TextStoreWriter(path: path, descriptor: descriptor, offset: 0, generation: generation, temporary: temporary)
        writer.buffer.append(contentsOf: TextStore.magic)
        for _ in 0..<8 {
            writer.buffer.append(UInt8(truncatingIfNeeded: generation))
            generation >>= 8
        }
        writer.offset = writer.buffer.count
        return writer
    }

    /// Continues the file at `path`, which must still be of `generation`.
    static func append(path: String, generation: UInt64) throws -> TextStoreWriter {
        guard TextStore.generation(at: path) == generation else { throw Failure(description: "text store replaced") }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
        let end = lseek(descriptor, 0, SEEK_END)
        guard end >= off_t(TextStore.headerSize) else {
            close(descriptor)
            throw Failure(description: "text store too short")
        }
        return TextStoreWriter(path: path, descriptor: descriptor, offset: Int(end), generation: generation, temporary: nil)
    }

    private init(path: String, descriptor: Int32, offset: Int, generation: UInt64, temporary: String?) {
        self.path = path
        self.descriptor = descriptor
        self.offset = offset
        self.generation = generation
        self.temporary = temporary
    }

    /// Adds text and returns where it will be in the file.
    mutating func add(_ text: String) throws -> Range<Int> {
        var text = text
        return try text.withUTF8 { try add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) throws -> Range<Int> {
        let start = offset
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
        return start..<offset
    }

    private mutating func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard result > 0 else { throw Failure(description: "cannot write \(temporary ?? path)") }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a new file, puts it in place.
    mutating func finish() throws {
        do {
            try flush()
        } catch {
            close(descriptor)
            if let temporary { unlink(temporary) }
            throw error
        }
        close(descriptor)
        if let temporary, rename(temporary, path) != 0 {
            unlink(temporary)
            throw Failure(description: "cannot replace \(path)")
        }
    }

    /// Closes without putting a new file in place.
    func abandon() {
        close(descriptor)
        if let temporary { unlink(temporary) }
    }
}
