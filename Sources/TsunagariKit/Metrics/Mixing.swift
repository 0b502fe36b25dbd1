/// Density: the share of possible ties that exist, m / (n(n − 1)), doubled for undirected graphs.
public func density(_ g: Graph) -> Double {
    let n = Double(g.nodeCount)
    guard n > 1 else { return 0 }
    return Double(g.edgeCount) / (n * (n - 1)) * (g.isDirected ? 1 : 2)
}

/// Tie counts between groups: `matrix[i][j]` counts the ties from group i to group j, an undirected
/// tie counted once in each direction (so the matrix is symmetric and a tie inside group i counts
/// twice in `matrix[i][i]`).
func mixingCounts(_ g: Graph, groups: [Int], groupCount: Int) -> [[Double]] {
    var m = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: groupCount)
    for u in 0..<g.nodeCount {
        for v in g.successors(u) { m[groups[u]][groups[Int(v)]] += 1 }
    }
    return m
}

/// Assortativity by a group attribute (Newman 2003, "Mixing patterns in networks", eq. 2):
/// r = (Σ e_ii − Σ a_i b_i) / (1 − Σ a_i b_i), with e the normalised mixing matrix and a, b its
/// row and column sums. 1: ties only within groups; 0: as if by chance; negative: mostly across.
/// Groups that no agency has are left out, as in networkx. NaN when every agency is in one group.
public func assortativity(_ g: Graph, groups: [Int]) -> Double {
    let used = Array(Set(groups)).sorted()
    let index = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
    let m = mixingCounts(g, groups: groups.map { index[$0]! }, groupCount: used.count)
    let total = m.joined().reduce(0, +)
    guard total > 0 else { return .nan }
    var trace = 0.0, products = 0.0
    for i in used.indices {
        trace += m[i][i] / total
        let a = m[i].reduce(0, +) / total
        let b = m.reduce(0) { $0 + $1[i] } / total
        products += a * b
    }
    return (trace - products) / (1 - products)
}

/// Degree assortativity (Newman 2002): the Pearson correlation of the degrees at the two ends of
/// each tie (undirected ties from both ends). Positive: well-connected agencies work with each other.
public func degreeAssortativity(_ g: Graph) -> Double {
    let u = g.undirected
    var sx = 0.0, sxx = 0.0, sxy = 0.0, count = 0.0
    for a in 0..<u.nodeCount {
        let da = Double(u.outDegree(a))
        for b in u.successors(a) {
            let db = Double(u.outDegree(Int(b)))
            sx += da; sxx += da * da; sxy += da * db; count += 1
        }
    }
    guard count > 0 else { return .nan }
    let mean = sx / count
    let variance = sxx / count - mean * mean
    return (sxy / count - mean * mean) / variance
}

/// Modularity of a partition (Newman & Girvan 2004; weighted as in Newman 2004):
/// Q = Σ_c [ L_c / m − (d_c / 2m)² ] on an undirected graph, with L_c the (weighted) ties inside
/// community c, d_c the (weighted) degree sum of c and m the total weight.
public func modularity(_ g: Graph, communities: [Int]) -> Double {
    let u = g.undirected
    let count = (communities.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: count), degree = inside
    var total = 0.0
    for a in 0..<u.nodeCount {
        for i in u.offsets[a]..<u.offsets[a + 1] {
            let w = u.weights[i]
            degree[communities[a]] += w
            total += w
            if communities[Int(u.targets[i])] == communities[a] { inside[communities[a]] += w }
        }
    }
    guard total > 0 else { return .nan }
    let m = total / 2
    return (0..<count).reduce(0) { $0 + inside[$1] / 2 / m - (degree[$1] / total) * (degree[$1] / total) }
}

/// Krackhardt & Stern's E-I index (1988): (external − internal) / (external + internal) ties.
/// −1: every tie stays within the group; +1: every tie crosses to another group.
/// `overall` counts every tie once; `perGroup[i]` the ties of group i's members. NaN without ties.
public func eiIndex(_ g: Graph, groups: [Int], groupCount: Int) -> (overall: Double, perGroup: [Double]) {
    let u = g.undirected
    var internalTies = 0.0, externalTies = 0.0
    var groupInternal = [Double](repeating: 0, count: groupCount), groupExternal = groupInternal
    for a in 0..<u.nodeCount {
        for b32 in u.successors(a) {
            let b = Int(b32)
            let same = groups[a] == groups[b]
            if same { groupInternal[groups[a]] += 1 } else { groupExternal[groups[a]] += 1 }  // internal: twice
            if a < b { if same { internalTies += 1 } else { externalTies += 1 } }
        }
    }
    func ei(_ e: Double, _ i: Double) -> Double { e + i > 0 ? (e - i) / (e + i) : .nan }
    return (ei(externalTies, internalTies), (0..<groupCount).map { ei(groupExternal[$0], groupInternal[$0] / 2) })
}
