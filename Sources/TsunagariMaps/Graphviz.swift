import Foundation
@preconcurrency import CGraphviz

/// The process's one Graphviz context, and the lock every Graphviz call must hold.
///
/// Graphviz is not thread-safe, and freeing a context and creating another one led to
/// use-after-free reads in its Pango plugin, so the context is made once (loading the installed
/// plugins) and lives as long as the process.
enum Graphviz {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var context: OpaquePointer?

    /// Runs `body` holding the Graphviz lock, with the context (created on first use).
    static func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil { context = gvContext() }
        return try body(context!)
    }
}

/// The version of the Graphviz library linked in (`gvcVersion`), e.g. "2.43.0".
public var graphvizVersion: String {
    Graphviz.withContext { gvc in String(cString: gvcVersion(gvc)) }
}
