/// Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to status scores and
/// clique identification"): an agency is central when its partners are central.
/// x is the leading eigenvector of the adjacency matrix, x_v ∝ Σ_{u → v} w_uv x_u (in a directed
/// graph, the ties pointing to v count).
///
/// Power iteration as networkx does it, on A + I (the shift keeps bipartite graphs from
/// oscillating; it changes no eigenvector): x starts uniform, x ← (x + Aᵀx) / ‖x + Aᵀx‖₂, until the
/// L1 change is below n · `tolerance`. Returns nil when it does not converge (possible in
/// directed graphs without a dominant eigenvalue). Time O(m) per iteration.
public func eigenvectorCentrality(
    _ g: Graph, weighted: Bool = false,
    tolerance: Double = 1e-15, maxIterations: Int = 100_000
) -> [Double]? {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = x
    let ones = [Double](repeating: 1, count: weighted ? 0 : g.inTargets.count)
    let weights = weighted ? g.inWeights : ones
    // Pulled along in-edges: next[v] = x[v] + Σ_{u → v} w_uv x_u, summed in ascending u as a push
    // over out-edges would, so the result does not depend on the direction of the loop.
    return g.inOffsets.withUnsafeBufferPointer { offsets in
        g.inTargets.withUnsafeBufferPointer { sources in
            weights.withUnsafeBufferPointer { weights -> [Double]? in
                for _ in 0..<maxIterations {
                    var norm = 0.0
                    x.withUnsafeBufferPointer { x in
                        next.withUnsafeMutableBufferPointer { next in
                            for v in 0..<n {
                                var sum = x[v]
                                for i in offsets[v]..<offsets[v + 1] { sum += x[Int(sources[i])] * weights[i] }
                                next[v] = sum
                                norm += sum * sum
                            }
                        }
                    }
                    norm = norm.squareRoot()
                    if norm == 0 { norm = 1 }
                    var change = 0.0
                    for v in 0..<n {
                        next[v] /= norm
                        change += abs(next[v] - x[v])
                    }
                    swap(&x, &next)
                    if change < Double(n) * tolerance { return x }
                }
                return nil
            }
        }
    }
}
