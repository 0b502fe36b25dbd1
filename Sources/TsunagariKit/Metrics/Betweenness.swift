/// Betweenness centrality: how often an agency lies on the shortest paths between two others.
///
/// c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), where σ(s, t) is the number of shortest s–t paths
/// and σ(s, t | v) the number of them through v (Freeman 1977). Computed with Brandes' algorithm
/// (Brandes 2001, "A faster algorithm for betweenness centrality"): one shortest-path search per
/// source, then dependencies δ(v) = Σ_w σ(v)/σ(w) · (1 + δ(w)) accumulated in reverse order.
///
/// Normalised as networkx does: divided by (n − 1)(n − 2), for directed and undirected graphs alike;
/// undirected graphs count each pair from both ends, so this equals the usual 2/((n − 1)(n − 2)) on
/// unordered pairs. With `weighted`, an edge of weight w has length 1/w (a stronger tie is a shorter
/// way). Sources run in parallel on all cores.
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; memory O(n + m) plus O(n) per worker.
public func betweenness(_ g: Graph, weighted: Bool = false, normalized: Bool = true) -> [Double] {
    let n = g.nodeCount
    let partial = forEachSourceChunk(n, nodeCount: n) { sources, ws -> [Double] in
        var total = [Double](repeating: 0, count: n)
        var delta = [Double](repeating: 0, count: n)
        for s in sources {
            ws.run(g, from: s, weighted: weighted, countPaths: true)
            for v in ws.order { delta[Int(v)] = 0 }
            for w32 in ws.order.reversed() {
                let w = Int(w32)
                let coefficient = (1 + delta[w]) / ws.sigma[w]
                // Predecessors of w on shortest paths: in-neighbours v with d(v) + len(v, w) = d(w).
                for i in g.inOffsets[w]..<g.inOffsets[w + 1] {
                    let v = Int(g.inTargets[i])
                    let length = weighted ? 1 / g.inWeights[i] : 1
                    if ws.distance[v] + length == ws.distance[w] {
                        delta[v] += ws.sigma[v] * coefficient
                    }
                }
                if w != s { total[w] += delta[w] }
            }
        }
        return total
    }
    var result = [Double](repeating: 0, count: n)
    for chunk in partial {
        for v in 0..<n { result[v] += chunk[v] }
    }
    let scale: Double
    if normalized {
        scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1
    } else {
        scale = g.isDirected ? 1 : 0.5
    }
    return result.map { $0 * scale }
}
