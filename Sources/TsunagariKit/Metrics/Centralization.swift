/// Freeman centralization (Freeman 1979): how far the network revolves around one agency, from 0
/// (everyone equally central) to 1 (a star).
///
/// Degree: Σ_v (k_max − k_v) / ((n − 1)(n − 2)) on the undirected graph. Betweenness: with
/// normalised betweenness b, Σ_v (b_max − b_v) / (n − 1). Both are 0 for fewer than three agencies.
public func degreeCentralization(_ g: Graph) -> Double {
    let u = g.undirected
    let n = u.nodeCount
    guard n > 2 else { return 0 }
    let degrees = (0..<n).map { u.outDegree($0) }
    let top = degrees.max()!
    return Double(degrees.reduce(0) { $0 + top - $1 }) / Double((n - 1) * (n - 2))
}

/// See `degreeCentralization`; `normalizedBetweenness` is `betweenness(g)` of the undirected graph.
public func betweennessCentralization(_ normalizedBetweenness: [Double]) -> Double {
    let n = normalizedBetweenness.count
    guard n > 2, let top = normalizedBetweenness.max() else { return 0 }
    return normalizedBetweenness.reduce(0) { $0 + top - $1 } / Double(n - 1)
}
