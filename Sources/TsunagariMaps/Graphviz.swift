import Foundation
@preconcurrency import CGraphviz
import TsunagariKit

/// An error reported by Graphviz, with the text of its message.
/// Graphviz's messages are English only.
public struct GraphvizError: LocalizedError, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "Graphviz: \(message)" }
    public var errorDescription: String? { description }
}

/// The one place that calls the Graphviz C library.
///
/// Graphviz is not thread-safe, so every call, graph parsing and freeing included, holds one
/// process-wide lock. Freeing a context and creating another led to use-after-free reads in its
/// Pango plugin, so the context is made once (loading the installed plugins) and kept for the
/// life of the process. Graphviz reports errors through a callback (`agseterrf`), not return
/// values; the callback collects the text so that it can be thrown as a `GraphvizError`.
enum Graphviz {
    /// The context, made on first use; its lock is the process-wide Graphviz lock.
    private static let context = Locked<OpaquePointer?>(nil)
    /// Messages collected by the error callback during the current call (which holds the
    /// context's lock; the callback takes only this one).
    fileprivate static let messages = Locked<[String]>([])

    /// Runs `body` holding the lock, with the context, after installing the error callback.
    static func withContext<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        try context.withLock { context in
            if context == nil {
                _ = agseterrf(collectMessage)
                _ = agseterr(AGERR)
                context = gvContext()
            }
            messages.withLock { $0.removeAll() }
            return try body(context!)
        }
    }

    /// The messages collected so far, as one error.
    static func error(_ fallback: String) -> GraphvizError {
        let text = messages.withLock { $0.joined() }.trimmingCharacters(in: .whitespacesAndNewlines)
        return GraphvizError(message: text.isEmpty ? fallback : text)
    }
}

/// The error callback (`agusererrf`): Graphviz hands over each message, already formatted.
private func collectMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let text { Graphviz.messages.withLock { $0.append(String(cString: text)) } }
    return 0
}

/// A graph parsed by Graphviz, owning its `Agraph_t` and, once laid out, its layout. Used only
/// inside `Graphviz.withContext`; `deinit` runs there too, since the owner never escapes it.
private final class ParsedGraph {
    let pointer: UnsafeMutablePointer<Agraph_t>
    private let context: OpaquePointer
    private var laidOut = false

    /// Parses DOT text (`agmemread`).
    init(_ dot: String, context: OpaquePointer) throws {
        guard let g = agmemread(dot) else { throw Graphviz.error("the DOT text could not be read") }
        pointer = g
        self.context = context
    }

    /// Lays the graph out with `engine` (`gvLayout`).
    func layout(_ engine: String) throws {
        guard gvLayout(context, pointer, engine) == 0 else { throw Graphviz.error("layout with \(engine) failed") }
        laidOut = true
    }

    /// Renders the laid-out graph (`gvRenderData` through the shim's `tsunagari_render_data`,
    /// which takes the length as `size_t` before and after Graphviz 13; `gvFreeRenderData`).
    func render(_ format: String) throws -> Data {
        var result: UnsafeMutablePointer<CChar>?
        var length = 0
        guard tsunagari_render_data(context, pointer, format, &result, &length) == 0, let result else {
            throw Graphviz.error("rendering as \(format) failed")
        }
        defer { gvFreeRenderData(result) }
        return Data(bytes: result, count: Int(length))
    }

    deinit {
        if laidOut { gvFreeLayout(context, pointer) }
        agclose(pointer)
    }
}

/// Lays out DOT text with a Graphviz engine and renders it in `format` (`svg`, `png`, `pdf`,
/// `plain`, `dot`, …). Thread-safe: calls from several threads run one after another.
public func graphvizRender(_ dot: String, engine: String, format: String) throws -> Data {
    try Graphviz.withContext { context in
        let graph = try ParsedGraph(dot, context: context)
        try graph.layout(engine)
        return try graph.render(format)
    }
}

/// The version of the Graphviz library linked in (`gvcVersion`), e.g. "2.43.0".
public var graphvizVersion: String {
    Graphviz.withContext { gvc in String(cString: gvcVersion(gvc)) }
}
