/// Local clustering and transitivity (Watts & Strogatz 1998; Newman 2003) on the undirected graph.
///
/// For an agency with k partners of which t pairs are tied to each other, the local clustering is
/// 2t / (k(k − 1)) (0 when k < 2): how far its partners also work with each other. Transitivity is
/// 3 × triangles / connected triples = Σ 2t / Σ k(k − 1) over all agencies.
/// Time O(Σ k² log k) with sorted adjacency.
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

/// Ties among each agency's partners (triangles through it), on an undirected graph:
/// mark v's partners, then count the marked partners of each partner. O(Σ_v Σ_{w ∈ N(v)} k_w).
func trianglesPerNode(_ u: Graph) -> [Int] {
    var marked = [Bool](repeating: false, count: u.nodeCount)
    return (0..<u.nodeCount).map { v in
        let partners = u.successors(v)
        for a in partners { marked[Int(a)] = true }
        var twice = 0
        for a in partners {
            for b in u.successors(Int(a)) where marked[Int(b)] { twice += 1 }
        }
        for a in partners { marked[Int(a)] = false }
        return twice / 2
    }
}
