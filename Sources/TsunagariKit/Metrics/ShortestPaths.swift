import Dispatch

/// Scratch arrays for single-source shortest paths, reused across sources by one worker.
struct PathWorkspace {
    /// Distance from the source; `.infinity` when not reached.
    var distance: [Double]
    /// Number of shortest paths from the source (σ in Brandes 2001).
    var sigma: [Double]
    /// Nodes in the order they were settled (non-decreasing distance).
    var order: [Int32] = []
    private var heap: [(Double, Int32)] = []

    init(nodeCount: Int) {
        distance = [Double](repeating: .infinity, count: nodeCount)
        sigma = [Double](repeating: 0, count: nodeCount)
        order.reserveCapacity(nodeCount)
    }

    /// Settles every node reachable from `source` along out-edges (`reverse`: along in-edges, which
    /// gives distances *to* the source). Unweighted graphs use breadth-first search, O(n + m);
    /// weighted ones Dijkstra with a binary heap and the distance 1 / weight, O((n + m) log n).
    /// `countPaths` also counts shortest paths (σ).
    mutating func run(_ g: Graph, from source: Int, reverse: Bool = false, weighted: Bool, countPaths: Bool) {
        for v in order { distance[Int(v)] = .infinity; sigma[Int(v)] = 0 }
        order.removeAll(keepingCapacity: true)
        let offsets = reverse ? g.inOffsets : g.offsets
        let targets = reverse ? g.inTargets : g.targets
        distance[source] = 0
        sigma[source] = 1
        if !weighted {
            order.append(Int32(source))
            var head = 0
            while head < order.count {
                let v = Int(order[head]); head += 1
                let dv = distance[v]
                for i in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[i])
                    if distance[w] == .infinity {
                        distance[w] = dv + 1
                        order.append(Int32(w))
                    }
                    if countPaths && distance[w] == dv + 1 { sigma[w] += sigma[v] }
                }
            }
            return
        }
        let weights = reverse ? g.inWeights : g.weights
        heap.removeAll(keepingCapacity: true)
        push((0, Int32(source)))
        // A node is settled when popped with its current distance; entries left behind by a later
        // improvement carry a larger key and are skipped.
        while let (d, v32) = pop() {
            let v = Int(v32)
            if d > distance[v] { continue }
            order.append(v32)
            for i in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[i])
                let dw = d + 1 / weights[i]
                if dw < distance[w] {
                    distance[w] = dw
                    if countPaths { sigma[w] = sigma[v] }
                    push((dw, Int32(w)))
                } else if countPaths && dw == distance[w] {
                    sigma[w] += sigma[v]
                }
            }
        }
    }

    private mutating func push(_ item: (Double, Int32)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if heap[parent].0 <= heap[i].0 { break }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func pop() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && heap[l].0 < heap[m].0 { m = l }
                if r < heap.count && heap[r].0 < heap[m].0 { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}

/// Runs `body(range, workspace)` over `0 ..< count` (the sources) split into a fixed number of
/// contiguous chunks, in parallel on all cores, with a workspace for graphs of `nodeCount` nodes,
/// and returns the chunks' results in chunk order. A fixed chunk count makes sums over chunks, and
/// so every result, independent of the number of cores.
func forEachSourceChunk<T: Sendable>(_ count: Int, nodeCount: Int, _ body: @Sendable (Range<Int>, inout PathWorkspace) -> T) -> [T] {
    let chunks = max(1, min(32, count))
    // Each iteration writes its own slot only.
    nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: chunks)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()  // releases the chunks' arrays (valgrind found them lost without this)
        results.deallocate()
    }
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let range = (count * c / chunks)..<(count * (c + 1) / chunks)
        var workspace = PathWorkspace(nodeCount: nodeCount)
        results[c] = body(range, &workspace)
    }
    return results.map { $0! }
}
