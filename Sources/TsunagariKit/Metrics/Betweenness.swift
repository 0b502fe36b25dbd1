import Foundation

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
///
/// With `sample`, only `sample.sources` sources chosen at random (seeded) are searched and the sums
/// scaled by n / k (Brandes & Pich 2007, "Centrality estimation in large networks"): time O(km).
/// See `sampledBetweennessError` for how far the estimate can be off.
public func betweenness(_ g: Graph, weighted: Bool = false, normalized: Bool = true,
                        sample: (sources: Int, seed: UInt64)? = nil) -> [Double] {
    let n = g.nodeCount
    var sources = Array(0..<n)
    if let sample, sample.sources < n {
        var rng = SplitMix64(seed: sample.seed)
        for i in stride(from: n - 1, to: 0, by: -1) { sources.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        sources = Array(sources.prefix(max(1, sample.sources))).sorted()
    }
    let chosen = sources
    let partial = forEachSourceChunk(chosen.count, nodeCount: n) { range, ws -> [Double] in
        weighted ? weightedDependencies(g, chosen[range], &ws) : unweightedDependencies(g, chosen[range])
    }
    var result = [Double](repeating: 0, count: n)
    for chunk in partial {
        for v in 0..<n { result[v] += chunk[v] }
    }
    var scale: Double
    if normalized {
        scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1
    } else {
        scale = g.isDirected ? 1 : 0.5
    }
    scale *= Double(n) / Double(max(1, chosen.count))
    return result.map { $0 * scale }
}

/// The error bound of sampled normalised betweenness: with probability `confidence`, every
/// agency's estimate is within ± this of its exact value. Each sampled source adds
/// X = n·δ_s(v)/((n−1)(n−2)) ∈ [0, n/(n−1)] to an average of k terms; Hoeffding's inequality with a
/// union bound over the n agencies gives ε = n/(n−1) · √(ln(2n/δ) / (2k)), δ = 1 − confidence
/// (Hoeffding 1963; the bound also holds for sampling without replacement).
public func sampledBetweennessError(nodes n: Int, samples k: Int, confidence: Double = 0.95) -> Double {
    guard n > 2, k > 0 else { return 0 }
    let range = Double(n) / Double(n - 1)
    return range * (log(2 * Double(n) / (1 - confidence)) / (2 * Double(k))).squareRoot()
}

/// Brandes' accumulation for unweighted graphs over `sources`: breadth-first search with integer
/// distances, then dependencies pulled back along in-edges one level closer to the source.
/// Written over raw buffers: this loop is where the time of `analyze` goes.
private func unweightedDependencies(_ g: Graph, _ sources: ArraySlice<Int>) -> [Double] {
    let n = g.nodeCount
    var total = [Double](repeating: 0, count: n)
    var distance = [Int32](repeating: -1, count: n)
    var sigma = [Double](repeating: 0, count: n)
    var delta = [Double](repeating: 0, count: n)
    var order = [Int32](repeating: 0, count: n)
    g.offsets.withUnsafeBufferPointer { offsets in
    g.targets.withUnsafeBufferPointer { targets in
    g.inOffsets.withUnsafeBufferPointer { inOffsets in
    g.inTargets.withUnsafeBufferPointer { inTargets in
    total.withUnsafeMutableBufferPointer { total in
    distance.withUnsafeMutableBufferPointer { distance in
    sigma.withUnsafeMutableBufferPointer { sigma in
    delta.withUnsafeMutableBufferPointer { delta in
    order.withUnsafeMutableBufferPointer { order in
        for s in sources {
            distance[s] = 0
            sigma[s] = 1
            order[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head]); head += 1
                let next = distance[v] + 1
                let sv = sigma[v]
                for i in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[i])
                    if distance[w] < 0 {
                        distance[w] = next
                        order[tail] = Int32(w); tail += 1
                    }
                    if distance[w] == next { sigma[w] += sv }
                }
            }
            for k in stride(from: tail - 1, through: 0, by: -1) {
                let w = Int(order[k])
                let coefficient = (1 + delta[w]) / sigma[w]
                let previous = distance[w] - 1
                for i in inOffsets[w]..<inOffsets[w + 1] {
                    let v = Int(inTargets[i])
                    if distance[v] == previous { delta[v] += sigma[v] * coefficient }
                }
                if w != s { total[w] += delta[w] }
            }
            for k in 0..<tail {
                let v = Int(order[k])
                distance[v] = -1; sigma[v] = 0; delta[v] = 0
            }
        }
    }}}}}}}}}
    return total
}

/// Brandes' accumulation for weighted graphs (edge length 1/w) over `sources`, with Dijkstra.
private func weightedDependencies(_ g: Graph, _ sources: ArraySlice<Int>, _ ws: inout PathWorkspace) -> [Double] {
    let n = g.nodeCount
    var total = [Double](repeating: 0, count: n)
    var delta = [Double](repeating: 0, count: n)
    for s in sources {
        ws.run(g, from: s, weighted: true, countPaths: true)
        for v in ws.order { delta[Int(v)] = 0 }
        for w32 in ws.order.reversed() {
            let w = Int(w32)
            let coefficient = (1 + delta[w]) / ws.sigma[w]
            // Predecessors of w on shortest paths: in-neighbours v with d(v) + 1/w(v, w) = d(w),
            // the same sum as when w was reached, so equal paths compare equal exactly.
            for i in g.inOffsets[w]..<g.inOffsets[w + 1] {
                let v = Int(g.inTargets[i])
                if ws.distance[v] + 1 / g.inWeights[i] == ws.distance[w] {
                    delta[v] += ws.sigma[v] * coefficient
                }
            }
            if w != s { total[w] += delta[w] }
        }
    }
    return total
}
