/// PageRank (Brin & Page 1998): the share of time a random walker spends at each agency, following
/// a tie with probability α and jumping to a random agency otherwise.
///
///     x ← α (xᵀ P + (Σ_{dangling} x) / n) + (1 − α) / n
///
/// where P is the row-normalised (weighted) adjacency matrix and a dangling agency (no out-ties)
/// spreads its share evenly, as in networkx. Starts from the uniform vector and iterates until the
/// L1 change is below n · `tolerance`; the result sums to 1. Time O(m) per iteration.
// The buffer closures stay flat, so that the loop reads as one (not reformatted):
// swift-format-ignore
public func pagerank(_ g: Graph, alpha: Double = 0.85, weighted: Bool = false,
                     tolerance: Double = 1e-15, maxIterations: Int = 10_000) -> [Double] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var outWeight = [Double](repeating: 0, count: n)
    for u in 0..<n {
        for i in g.offsets[u]..<g.offsets[u + 1] { outWeight[u] += weighted ? g.weights[i] : 1 }
    }
    let ones = [Double](repeating: 1, count: weighted ? 0 : g.inTargets.count)
    let weights = weighted ? g.inWeights : ones
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = x
    var share = x
    // Pulled along in-edges over raw buffers: next[v] = base + Σ_{u → v} share[u] · w_uv, summed in
    // ascending u as a push over out-edges would.
    g.inOffsets.withUnsafeBufferPointer { offsets in
    g.inTargets.withUnsafeBufferPointer { sources in
    weights.withUnsafeBufferPointer { weights in
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for u in 0..<n {
                if outWeight[u] == 0 { dangling += x[u]; share[u] = 0 } else { share[u] = alpha * x[u] / outWeight[u] }
            }
            let base = alpha * dangling / Double(n) + (1 - alpha) / Double(n)
            var change = 0.0
            share.withUnsafeBufferPointer { share in
                next.withUnsafeMutableBufferPointer { next in
                    for v in 0..<n {
                        var sum = base
                        for i in offsets[v]..<offsets[v + 1] { sum += share[Int(sources[i])] * weights[i] }
                        next[v] = sum
                        change += abs(sum - x[v])
                    }
                }
            }
            swap(&x, &next)
            if change < Double(n) * tolerance { break }
        }
    }}}
    let sum = x.reduce(0, +)
    return x.map { $0 / sum }
}
