import Foundation

/// A value that several threads share, every access under one lock: the one type in the package
/// that tells the compiler it is safe to send (`@unchecked Sendable`), so that each shared value
/// elsewhere is a `Locked` the compiler checks, not a class of its own.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; `body` must not use the same `Locked` again.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
