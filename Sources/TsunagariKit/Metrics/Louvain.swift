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
    // The current level as weighted adjacency lists (self-loops hold the weight inside a node).
    var adjacency: [[(Int, Double)]] = (0..<n).map { v in
        (u.offsets[v]..<u.offsets[v + 1]).map { (Int(u.targets[$0]), u.weights[$0]) }
    }
    var membership = Array(0..<n)  // agency → node of the current level
    var rng = SplitMix64(seed: seed)
    let total = adjacency.joined().reduce(0) { $0 + $1.1 }  // 2m
    guard total > 0 else { return Array(0..<n) }

    while true {
        let size = adjacency.count
        var community = Array(0..<size)
        let degree = adjacency.map { $0.reduce(0) { $0 + $1.1 } }
        var communityTotal = degree
        var order = Array(0..<size)
        for i in stride(from: size - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var improved = false
        var moved = true
        while moved {
            moved = false
            for v in order {
                var links: [Int: Double] = [:]
                for (w, weight) in adjacency[v] where w != v { links[community[w], default: 0] += weight }
                let current = community[v]
                communityTotal[current] -= degree[v]
                func gain(_ c: Int) -> Double {
                    (links[c] ?? 0) - communityTotal[c] * degree[v] / total
                }
                var best = current, bestGain = gain(current)
                for c in links.keys.sorted() where c != current {
                    let candidate = gain(c)
                    if candidate > bestGain + 1e-12 { best = c; bestGain = candidate }
                }
                communityTotal[best] += degree[v]
                if best != current {
                    community[v] = best
                    moved = true
                    improved = true
                }
            }
        }
        guard improved else { break }
        // Phase 2: one node per community.
        var renumber: [Int: Int] = [:]
        for c in community where renumber[c] == nil { renumber[c] = renumber.count }
        var merged = [[Int: Double]](repeating: [:], count: renumber.count)
        for v in 0..<size {
            for (w, weight) in adjacency[v] { merged[renumber[community[v]]!][renumber[community[w]]!, default: 0] += weight }
        }
        adjacency = merged.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        membership = membership.map { renumber[community[$0]]! }
    }
    // Number communities by their smallest member.
    var label: [Int: Int] = [:]
    return membership.map { c in
        if let l = label[c] { return l }
        label[c] = label.count
        return label.count - 1
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, the same on every platform.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
