/// Burt's structural holes (Burt 1992, "Structural Holes"): does an agency bridge partners who do
/// not know each other, or are its partners all tied to each other?
///
/// Constraint: c(i) = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)², with p_ij the share of i's
/// ties that go to j, (a_ij + a_ji) / Σ_k (a_ik + a_ki). High constraint: partners are closely
/// knit, so the agency brokers little. Effective size, in Borgatti's form for unweighted
/// undirected graphs (Borgatti 1997): e(i) = k − 2t / k, with k partners and t ties among them:
/// the number of partners that are not redundant. Both are NaN for an agency without ties, as in
/// networkx. Computed on the undirected, unweighted graph by marking each agency's partners and
/// walking the partners' partners: time O(Σ_q k_q²).
public func structuralHoles(_ g: Graph) -> (constraint: [Double], effectiveSize: [Double]) {
    let u = g.undirected
    let n = u.nodeCount
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    var marked = [Bool](repeating: false, count: n)
    // Σ_q p_iq p_qj for each partner j of i: p_iq p_qj = 1/k(i) · 1/k(q) for each partner q of i tied to j.
    var indirect = [Double](repeating: 0, count: n)
    for i in 0..<n {
        let partners = u.successors(i)
        let k = Double(partners.count)
        guard k > 0 else { continue }
        for j in partners { marked[Int(j)] = true }
        var twiceTriangles = 0
        for q in partners {
            let share = 1 / Double(u.outDegree(Int(q)))
            for j in u.successors(Int(q)) where marked[Int(j)] {
                indirect[Int(j)] += share
                twiceTriangles += 1
            }
        }
        effective[i] = k - Double(twiceTriangles) / k
        var c = 0.0
        for j in partners {
            let local = (1 + indirect[Int(j)]) / k
            c += local * local
            (indirect[Int(j)], marked[Int(j)]) = (0, false)
        }
        constraint[i] = c
    }
    return (constraint, effective)
}
