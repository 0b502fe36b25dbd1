/// Local clustering and transitivity (Watts & Strogatz 1998; Newman 2003) on the undirected graph.
///
/// For an agency with k partners of which t pairs are tied to each other, the local clustering is
/// 2t / (k(k − 1)) (0 when k < 2): how far its partners also work with each other. Transitivity is
/// 3 × triangles / connected triples = Σ 2t / Σ k(k − 1) over all agencies.
/// Time O(m^1.5) (see `trianglesPerNode`).
public func clustering(_ g: Graph) -> (local: [Double], transitivity: Double) {
    let u = g.undirected
    let triangles = trianglesPerNode(u)
    var local = [Double](repeating: 0, count: u.nodeCount)
    var closed = 0.0, triples = 0.0
    for v in 0..<u.nodeCount {
        let k = Double(u.outDegree(v))
        let t = Double(triangles[v])
        if k >= 2 { local[v] = 2 * t / (k * (k - 1)) }
        closed += 2 * t
        triples += k * (k - 1)
    }
    return (local, triples > 0 ? closed / triples : 0)
}

/// Ties among each agency's partners (triangles through it), on an undirected graph, by the
/// "forward" algorithm (Schank & Wagner 2005, "Finding, counting and listing all triangles in
/// large graphs"): each tie points from the agency with fewer ties to the one with more (ties
/// broken by number), so every triangle is found once, from its lowest agency, by marking that
/// agency's forward partners and walking theirs. O(m^1.5) even around hubs.
func trianglesPerNode(_ u: Graph) -> [Int] {
    let n = u.nodeCount
    func before(_ a: Int, _ b: Int) -> Bool { (u.outDegree(a), a) < (u.outDegree(b), b) }
    var offsets = [Int](repeating: 0, count: n + 1)
    var forward: [Int32] = []
    forward.reserveCapacity(u.targets.count / 2)
    for v in 0..<n {
        for w in u.successors(v) where before(v, Int(w)) { forward.append(w) }
        offsets[v + 1] = forward.count
    }
    var triangles = [Int](repeating: 0, count: n)
    var marked = [Bool](repeating: false, count: n)
    for v in 0..<n {
        let out = forward[offsets[v]..<offsets[v + 1]]
        for w in out { marked[Int(w)] = true }
        for w in out {
            for x in forward[offsets[Int(w)]..<offsets[Int(w) + 1]] where marked[Int(x)] {
                triangles[v] += 1
                triangles[Int(w)] += 1
                triangles[Int(x)] += 1
            }
        }
        for w in out { marked[Int(w)] = false }
    }
    return triangles
}
