/// PageRank (Brin & Page 1998): the share of time a random walker spends at each agency, following
/// a tie with probability α and jumping to a random agency otherwise.
///
///     x ← α (xᵀ P + (Σ_{dangling} x) / n) + (1 − α) / n
///
/// where P is the row-normalised (weighted) adjacency matrix and a dangling agency (no out-ties)
/// spreads its share evenly, as in networkx. Starts from the uniform vector and iterates until the
/// L1 change is below n · `tolerance`; the result sums to 1. Time O(m) per iteration.
public func pagerank(_ g: Graph, alpha: Double = 0.85, weighted: Bool = false,
                     tolerance: Double = 1e-15, maxIterations: Int = 10_000) -> [Double] {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var outWeight = [Double](repeating: 0, count: n)
    for u in 0..<n {
        for i in g.offsets[u]..<g.offsets[u + 1] { outWeight[u] += weighted ? g.weights[i] : 1 }
    }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = x
    for _ in 0..<maxIterations {
        var dangling = 0.0
        for u in 0..<n where outWeight[u] == 0 { dangling += x[u] }
        let base = alpha * dangling / Double(n) + (1 - alpha) / Double(n)
        for v in 0..<n { next[v] = base }
        for u in 0..<n where outWeight[u] > 0 {
            let share = alpha * x[u] / outWeight[u]
            for i in g.offsets[u]..<g.offsets[u + 1] {
                next[Int(g.targets[i])] += share * (weighted ? g.weights[i] : 1)
            }
        }
        var change = 0.0
        for v in 0..<n { change += abs(next[v] - x[v]) }
        swap(&x, &next)
        if change < Double(n) * tolerance { break }
    }
    let sum = x.reduce(0, +)
    return x.map { $0 / sum }
}
