/// A graph in compressed sparse row form: node `v`'s out-neighbours are
/// `targets[offsets[v] ..< offsets[v + 1]]`, with `weights` beside them.
///
/// Nodes are integers `0 ..< nodeCount` (agency indices); names live only at the edges of the
/// program. An undirected graph stores each edge in both directions, so `in` and `out` are the
/// same arrays. Memory: O(n + m). Built once per view; read-only afterwards.
public struct Graph: Sendable {
    public let nodeCount: Int
    public let isDirected: Bool
    public let isWeighted: Bool
    let offsets: [Int]
    let targets: [Int32]
    let weights: [Double]
    let inOffsets: [Int]
    let inTargets: [Int32]
    let inWeights: [Double]

    /// Builds a graph from edges `(from, to, weight)`. Self-loops are dropped; an edge given twice
    /// (for undirected graphs, in either direction) is kept once with the larger weight.
    /// `weighted: false` sets every weight to 1.
    public init(nodeCount: Int, edges: [(Int, Int, Double)], directed: Bool, weighted: Bool = false) {
        var unique: [Int: Double] = [:]  // from · n + to → weight
        unique.reserveCapacity(edges.count)
        for (a, b, w) in edges where a != b {
            let (u, v) = directed || a < b ? (a, b) : (b, a)
            let key = u * nodeCount + v
            unique[key] = max(unique[key] ?? -.infinity, weighted ? w : 1)
        }
        var arcs: [(Int, Int, Double)] = []
        arcs.reserveCapacity(directed ? unique.count : 2 * unique.count)
        for (key, w) in unique {
            let (u, v) = (key / nodeCount, key % nodeCount)
            arcs.append((u, v, w))
            if !directed { arcs.append((v, u, w)) }
        }
        arcs.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        self.nodeCount = nodeCount
        self.isDirected = directed
        self.isWeighted = weighted
        (offsets, targets, weights) = Self.compress(arcs, nodeCount: nodeCount)
        if directed {
            let reversed = arcs.map { ($0.1, $0.0, $0.2) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            (inOffsets, inTargets, inWeights) = Self.compress(reversed, nodeCount: nodeCount)
        } else {
            (inOffsets, inTargets, inWeights) = (offsets, targets, weights)
        }
    }

    private static func compress(_ arcs: [(Int, Int, Double)], nodeCount: Int) -> ([Int], [Int32], [Double]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for (u, _, _) in arcs { offsets[u + 1] += 1 }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        return (offsets, arcs.map { Int32($0.1) }, arcs.map(\.2))
    }

    /// Number of edges (undirected edges once).
    public var edgeCount: Int { isDirected ? targets.count : targets.count / 2 }

    public func outDegree(_ v: Int) -> Int { offsets[v + 1] - offsets[v] }
    public func inDegree(_ v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

    /// Out-neighbours of `v`, ascending.
    public func successors(_ v: Int) -> ArraySlice<Int32> { targets[offsets[v]..<offsets[v + 1]] }
    /// In-neighbours of `v`, ascending.
    public func predecessors(_ v: Int) -> ArraySlice<Int32> { inTargets[inOffsets[v]..<inOffsets[v + 1]] }

    /// Whether the edge `u → v` exists (binary search, O(log degree)).
    public func hasEdge(_ u: Int, _ v: Int) -> Bool {
        let row = successors(u)
        var lo = row.startIndex, hi = row.endIndex
        let t = Int32(v)
        while lo < hi {
            let mid = (lo + hi) / 2
            if row[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < row.endIndex && row[lo] == t
    }

    /// The same graph with directions forgotten (an edge in either direction becomes one edge).
    public var undirected: Graph {
        guard isDirected else { return self }
        var edges: [(Int, Int, Double)] = []
        edges.reserveCapacity(targets.count)
        for u in 0..<nodeCount {
            for i in offsets[u]..<offsets[u + 1] { edges.append((u, Int(targets[i]), weights[i])) }
        }
        return Graph(nodeCount: nodeCount, edges: edges, directed: false, weighted: isWeighted)
    }
}
