#if canImport(Glibc)
import Glibc
#endif

/// A whole file mapped read-only, unmapped when the last holder lets go. The cache's side
/// files are only ever appended to or replaced by rename, never truncated or rewritten in
/// place, so a mapping stays valid for as long as anything holds it.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let size: Int

    private init(base: UnsafeRawPointer, size: Int) {
        self.base = base
        self.size = size
    }

    /// nil when the file is missing, empty or cannot be mapped.
    static func map(_ path: String) -> MappedFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        return MappedFile(base: UnsafeRawPointer(mapped), size: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

    /// Lets the kernel take back the pages of `range` this process has touched: they stay in
    /// the page cache and come back on the next read, but no longer count as this process's
    /// memory (a check of every byte need not keep the whole file resident).
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}
