/// Closeness and harmonic centrality: how near an agency is to all the others.
///
/// Both use distances *to* the agency (in a directed graph, along edges pointing towards it), as
/// networkx does. With r(u) the number of agencies that reach u (u included) and
/// D(u) = Σ_v d(v, u) over them, closeness is the Wasserman–Faust form for disconnected graphs
/// (Wasserman & Faust 1994, "Social Network Analysis", §5.3):
///
///     C(u) = (r − 1) / D · (r − 1) / (n − 1),   0 when D = 0,
///
/// and harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014) is H(u) = Σ_{v ≠ u} 1 / d(v, u),
/// 0 for unreachable v. With `weighted`, an edge of weight w has length 1/w.
///
/// Time O(nm) unweighted, O(nm + n² log n) weighted; parallel over agencies.
public func closenessAndHarmonic(_ g: Graph, weighted: Bool = false) -> (closeness: [Double], harmonic: [Double]) {
    let n = g.nodeCount
    let partial = forEachSourceChunk(n, nodeCount: n) { nodes, ws -> [(Int, Double, Double)] in
        var out: [(Int, Double, Double)] = []
        for u in nodes {
            ws.run(g, from: u, reverse: true, weighted: weighted, countPaths: false)
            var total = 0.0, harmonic = 0.0
            for v in ws.order.dropFirst() {
                let d = ws.distance[Int(v)]
                total += d
                harmonic += 1 / d
            }
            let reached = Double(ws.order.count - 1)
            let closeness = total > 0 && n > 1 ? reached / total * (reached / Double(n - 1)) : 0
            out.append((u, closeness, harmonic))
        }
        return out
    }
    var closeness = [Double](repeating: 0, count: n), harmonic = closeness
    for (u, c, h) in partial.joined() {
        closeness[u] = c
        harmonic[u] = h
    }
    return (closeness, harmonic)
}
