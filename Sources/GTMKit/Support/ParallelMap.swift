import Dispatch

extension Array where Element: Sendable {
    /// Maps on every core, keeping the input order so output stays deterministic.
    /// - Parameter chunkSize: items handed out at a time; by default a few per core, which
    ///   keeps the dispatch cost negligible for thousands of small items. Work of very uneven
    ///   size (pages) is better handed out one at a time.
    func parallelMap<Result: Sendable>(chunkSize requested: Int? = nil, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let buffer = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        let slots = SendableBuffer(buffer: buffer)
        let items = self
        // Chunks keep the per-item dispatch cost negligible for thousands of small items.
        let chunkSize = Swift.max(1, requested ?? count / (ProcessInfo.activeCores * 8))
        let chunks = (count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            for index in start..<Swift.min(start + chunkSize, items.count) {
                slots.buffer[index] = transform(items[index])
            }
        }
        // Moved out, not copied: the buffer is freed without its elements being released.
        return (0..<count).map { (buffer.baseAddress! + $0).move()! }
    }
}

private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
}

enum ProcessInfo {
    static var activeCores: Int {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
