/// Communities by the Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008): groups of
/// agencies with more ties inside than chance would give, found by greedy modularity optimisation.
///
/// Phase 1 moves each agency, in a seeded random order, to the neighbouring community with the
/// largest modularity gain ΔQ = k_i,in / m − k_i Σ_tot / (2m²) (ties broken by the smaller
/// community number); phase 2 merges communities into single nodes; repeated until nothing moves.
/// The same graph and seed always give the same communities. Returns a community number per agency,
/// numbered by their smallest member; agencies without ties are communities of their own.
/// Time about O(m) per pass.
public func louvainCommunities(_ g: Graph, seed: UInt64 = 1) -> [Int] {
    let u = g.undirected
    let n = u.nodeCount
    // The current level in compressed rows (self-loops hold the weight inside a node).
    var level = (offsets: u.offsets, targets: u.targets.map(Int.init), weights: u.weights)
    var membership = Array(0..<n)  // agency → node of the current level
    var rng = SplitMix64(seed: seed)
    let total = u.weights.reduce(0, +)  // 2m
    guard total > 0 else { return Array(0..<n) }

    while true {
        let size = level.offsets.count - 1
        var community = Array(0..<size)
        let degree = (0..<size).map { v in level.weights[level.offsets[v]..<level.offsets[v + 1]].reduce(0, +) }
        var communityTotal = degree
        var order = Array(0..<size)
        for i in stride(from: size - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var links = [Double](repeating: 0, count: size)  // weight from the node to each community
        var touched: [Int] = []
        var improved = false
        var moved = true
        while moved {
            moved = false
            for v in order {
                for i in level.offsets[v]..<level.offsets[v + 1] where level.targets[i] != v {
                    let c = community[level.targets[i]]
                    if links[c] == 0 { touched.append(c) }
                    links[c] += level.weights[i]
                }
                let current = community[v]
                communityTotal[current] -= degree[v]
                func gain(_ c: Int) -> Double { links[c] - communityTotal[c] * degree[v] / total }
                var best = current, bestGain = gain(current)
                touched.sort()
                for c in touched where c != current {
                    let candidate = gain(c)
                    if candidate > bestGain + 1e-12 { best = c; bestGain = candidate }
                }
                for c in touched { links[c] = 0 }
                touched.removeAll(keepingCapacity: true)
                communityTotal[best] += degree[v]
                if best != current {
                    community[v] = best
                    moved = true
                    improved = true
                }
            }
        }
        guard improved else { break }
        // Phase 2: one node per community, numbered in order of first appearance.
        var renumber = [Int](repeating: -1, count: size)
        var count = 0
        for c in community where renumber[c] < 0 { renumber[c] = count; count += 1 }
        var members = [[Int]](repeating: [], count: count)
        for v in 0..<size { members[renumber[community[v]]].append(v) }
        var next = (offsets: [0], targets: [Int](), weights: [Double]())
        var weight = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        for group in members {
            for v in group {
                for i in level.offsets[v]..<level.offsets[v + 1] {
                    let c = renumber[community[level.targets[i]]]
                    if !seen[c] { seen[c] = true; touched.append(c) }
                    weight[c] += level.weights[i]
                }
            }
            touched.sort()
            for c in touched {
                next.targets.append(c)
                next.weights.append(weight[c])
                (weight[c], seen[c]) = (0, false)
            }
            touched.removeAll(keepingCapacity: true)
            next.offsets.append(next.targets.count)
        }
        level = next
        membership = membership.map { renumber[community[$0]] }
    }
    // Number communities by their smallest member.
    var label = [Int](repeating: -1, count: n)
    var count = 0
    return membership.map { c in
        if label[c] < 0 { label[c] = count; count += 1 }
        return label[c]
    }
}
