/// Scratch arrays for Dijkstra's algorithm from one source at a time, reused across sources by
/// one worker.
struct DijkstraWorkspace {
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

    /// Settles every node reachable from `source` along out-edges, an edge of weight w having
    /// length 1/w, and counts shortest paths (paths of the same length by `sameLength`). Binary
    /// heap: O((n + m) log n).
    mutating func run(_ g: Graph, from source: Int) {
        for v in order { distance[Int(v)] = .infinity; sigma[Int(v)] = 0 }
        order.removeAll(keepingCapacity: true)
        distance[source] = 0
        sigma[source] = 1
        heap.removeAll(keepingCapacity: true)
        push((0, Int32(source)))
        // A node is settled when popped with its current distance; entries left behind by a later
        // improvement carry a larger key and are skipped.
        while let (d, v32) = pop() {
            let v = Int(v32)
            if d > distance[v] { continue }
            order.append(v32)
            for i in g.offsets[v]..<g.offsets[v + 1] {
                let w = Int(g.targets[i])
                let dw = d + 1 / g.weights[i]
                if sameLength(dw, distance[w]) {
                    sigma[w] += sigma[v]
                } else if dw < distance[w] {
                    distance[w] = dw
                    sigma[w] = sigma[v]
                    push((dw, Int32(w)))
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

/// Whether two path lengths are the same length: sums of the same edge lengths taken in another
/// order differ in their last bits (1 + 1 + 1/3 ≠ 1 + 1/3 + 1 in floating point), so lengths
/// within a relative 10⁻¹⁰ count as equal, as igraph compares them. Lengths here are sums of 1/w
/// with w from 1 to 4, so two different lengths differ by at least 1/12.
/// An unreached node's infinite distance is the same as no length.
@inline(__always) func sameLength(_ a: Double, _ b: Double) -> Bool {
    a.isFinite && b.isFinite && abs(a - b) <= 1e-10 * max(a, b)
}
