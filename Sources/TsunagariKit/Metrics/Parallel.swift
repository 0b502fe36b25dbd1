import Dispatch
import Foundation

/// How many threads the per-source computations (betweenness, closeness) use: all cores unless
/// a caller asks for fewer for the work it runs, with `Parallelism.$requested.withValue(n) { … }`
/// (the command line's `--threads`). Results do not depend on it.
public enum Parallelism {
    /// The threads asked for in the current scope; 0 means one per core.
    @TaskLocal public static var requested = 0

    public static var threads: Int { requested > 0 ? requested : ProcessInfo.processInfo.activeProcessorCount }
}

/// A long step of the analysis, as shown in a progress bar.
public enum ProgressStep: Sendable, Equatable {
    /// Reading and checking the files.
    case reading
    /// Shortest paths from every agency of the works-with network: betweenness, closeness, distances.
    case paths
    /// The same in the directed network of reports (directed betweenness).
    case directedPaths
    /// Shortest paths using tie strength (`--weighted`).
    case weightedPaths
    /// Random shortest paths of the works-with network, for estimated betweenness.
    case sampledPaths
    /// The remaining measures (PageRank, cores, clustering, communities, …).
    case otherMeasures
    /// Finding the gaps.
    case gaps

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.reading, .ja): "読み込み"
        case (.reading, .en): "reading"
        case (.paths, .ja): "最短経路 (媒介・近接中心性)"
        case (.paths, .en): "shortest paths (betweenness, closeness)"
        case (.directedPaths, .ja): "最短経路 (回答の向き)"
        case (.directedPaths, .en): "shortest paths (directed)"
        case (.weightedPaths, .ja): "最短経路 (つながりの強さ)"
        case (.weightedPaths, .en): "shortest paths (tie strength)"
        case (.sampledPaths, .ja): "最短経路の標本 (媒介中心性)"
        case (.sampledPaths, .en): "sampled shortest paths (betweenness)"
        case (.otherMeasures, .ja): "その他の指標"
        case (.otherMeasures, .en): "other measures"
        case (.gaps, .ja): "課題の洗い出し"
        case (.gaps, .en): "finding gaps"
        }
    }
}

/// Receives `(step, done, total)` while a step runs; called from worker threads, often (once per
/// source), so it must be cheap and thread-safe.
public typealias ProgressHandler = @Sendable (ProgressStep, _ done: Int, _ total: Int) -> Void

/// Counts finished units of one step across threads and passes the count to a handler.
final class ProgressMeter: Sendable {
    private let done = Locked(0)
    private let step: ProgressStep
    private let total: Int
    private let handler: ProgressHandler

    init?(_ step: ProgressStep, total: Int, _ handler: ProgressHandler?) {
        guard let handler else { return nil }
        (self.step, self.total, self.handler) = (step, total, handler)
        handler(step, 0, total)
    }

    func advance() {
        let now = done.withLock {
            $0 += 1; return $0
        }
        handler(step, now, total)
    }
}

/// Runs `body` over `0 ..< count` (the sources of a search, the rows of a file) split into a fixed number of contiguous chunks, on
/// `Parallelism.threads` threads, and folds the chunks' results into `initial` with `merge` in chunk
/// order. A fixed chunk count and a fixed merge order make every sum, and so every result,
/// independent of the number of threads. A chunk's result is merged and released as soon as the
/// chunks before it are merged, so memory is the graph plus a working set per thread and a few
/// results waiting their turn. One thread at a time merges, outside the lock, while the others go
/// on with their chunks: a long merge (the rows of a file read in order) overlaps the work.
func forEachChunk<T: Sendable, Result: Sendable>(
    _ count: Int, into initial: consuming Result, _ body: @Sendable (Range<Int>) -> T,
    merge: @Sendable (inout Result, T) -> Void
) -> Result {
    let chunks = max(1, min(32, count))
    let workers = max(1, min(Parallelism.threads, chunks))
    // The next chunk to take, the next to merge, finished chunks waiting for their turn, the merged
    // result (nil while a thread merges into it). (A tuple, not a generic struct: valgrind flags the
    // runtime layout of a generic struct's metadata as a read of uninitialised memory inside
    // libswiftCore.)
    let shared = Locked((nextChunk: 0, nextMerge: 0, waiting: [Int: T](), result: Optional(consume initial)))
    /// The chunks ready to merge, in order, with the result to merge them into when no other
    /// thread holds it; the result is put back first when `done` is given.
    @Sendable func takeReady(putting done: Result?) -> (ready: [T], result: Result?) {
        shared.withLock { s in
            if let done { s.result = done }
            guard s.result != nil, s.waiting[s.nextMerge] != nil else { return ([], nil) }
            var ready: [T] = []
            while let value = s.waiting.removeValue(forKey: s.nextMerge) {
                ready.append(value)
                s.nextMerge += 1
            }
            return (ready, s.result.take())
        }
    }
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let c: Int = shared.withLock { s in
                defer { s.nextChunk += 1 }; return s.nextChunk
            }
            guard c < chunks else { return }
            let value = body((count * c / chunks)..<(count * (c + 1) / chunks))
            shared.withLock { $0.waiting[c] = value }
            var (ready, result) = takeReady(putting: nil)
            while var merged = result.take() {
                for value in ready { merge(&merged, value) }
                (ready, result) = takeReady(putting: merged)
            }
        }
    }
    return shared.withLock { $0.result! }
}
