import Foundation

/// Asks the kernel to back `memory` with huge pages (Linux's transparent huge pages of 2 MB, which
/// most systems grant to memory that asks for them), before it is first written: a large table
/// then costs one page fault per 2 MB instead of one per 4 KB, and fewer TLB misses when it is read
/// at random. Reading a national survey writes some 300 MB of new memory; with small pages a
/// fifth of the import went to the kernel. Only the whole 2 MB pages inside `memory` are advised;
/// smaller memory, and other systems, are left as they are.
func adviseHugePages(_ memory: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    let page = 2 << 20
    guard let base = memory.baseAddress, memory.count >= page else { return }
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + memory.count) & ~(page - 1)
    if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    #endif
}

extension Array {
    /// `reserveCapacity`, with the storage advised for huge pages (`adviseHugePages`).
    mutating func reserveHugeCapacity(_ minimumCapacity: Int) {
        reserveCapacity(minimumCapacity)
        let bytes = capacity * MemoryLayout<Element>.stride
        withUnsafeMutableBufferPointer {
            adviseHugePages(UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer($0.baseAddress), count: bytes))
        }
    }

    /// `count` copies of `value`, in storage advised for huge pages before it is written.
    init(hugeRepeating value: Element, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
