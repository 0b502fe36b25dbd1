import Foundation

/// The measures that need shortest paths from every agency, computed together in one search per
/// source: betweenness, closeness, harmonic centrality, and the diameter and average distance of
/// the largest component.
///
/// **Betweenness**: c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t), where σ(s, t) is the number of
/// shortest s–t paths and σ(s, t | v) the number of them through v (Freeman 1977). Brandes'
/// algorithm (Brandes 2001, "A faster algorithm for betweenness centrality"): one shortest-path
/// search per source s, then dependencies δ(v) = Σ_{w : v ∈ P(w)} σ(v)/σ(w) · (1 + δ(w)) in reverse
/// order. Normalised as networkx does: divided by (n − 1)(n − 2), for directed and undirected graphs
/// alike (undirected graphs count each pair from both ends, so this equals the usual
/// 2/((n − 1)(n − 2)) on unordered pairs).
///
/// **Closeness and harmonic** use distances *to* the agency (in a directed graph, along edges
/// pointing towards it), as networkx does: the search from s gives d(s, v) for every v it reaches.
/// With r(v) − 1 the agencies that reach v and D(v) = Σ_s d(s, v) over them, closeness is the
/// Wasserman–Faust form for disconnected graphs (Wasserman & Faust 1994, "Social Network Analysis",
/// §5.3): C(v) = (r − 1)/D · (r − 1)/(n − 1), 0 when D = 0; harmonic centrality (Marchiori & Latora
/// 2000; Boldi & Vigna 2014) is H(v) = Σ_{s ≠ v} 1/d(s, v).
///
/// **Diameter and average distance** of the largest (weak) component: the longest and the mean
/// shortest distance over the pairs (s, v) of that component with v reachable from s.
///
/// With `weighted`, an edge of weight w has length 1/w (a stronger tie is a shorter way) and the
/// searches use Dijkstra's algorithm. Time O(nm) unweighted, O(nm + n² log n) weighted; memory
/// O(n + m), plus O(n + m) per thread (O(n) weighted). Sources run in parallel (`Parallelism.threads`).
///
/// With `sample`, only `sample.sources` sources chosen at random (seeded) are searched (Brandes &
/// Pich 2007, "Centrality estimation in large networks"), in O(km) time: betweenness sums are scaled
/// by n/k (see `sampledBetweennessError` for the bound); closeness and harmonic are estimated from
/// the distances to the sampled sources, each sum scaled to the n − 1 others (Eppstein & Wang 2004,
/// "Fast approximation of centrality"); the diameter is then the longest distance seen from a sampled
/// source, a lower bound.
public struct PathMeasures: Sendable {
    public var betweenness: [Double]
    public var closeness: [Double]
    public var harmonic: [Double]
    public var diameter: Double
    public var averagePathLength: Double

    public init(
        _ g: Graph, weighted: Bool = false, sample: (sources: Int, seed: UInt64)? = nil,
        step: ProgressStep = .paths, progress: ProgressHandler? = nil
    ) {
        self.init(g, weighted: weighted, sample: sample, step: step, progress: progress, closeness: true)
    }

    /// No search at all: every value 0, for a caller that needs no path measure (`gaps`).
    init(skipped n: Int) {
        (betweenness, closeness, harmonic) = (
            Array(repeating: 0, count: n), Array(repeating: 0, count: n), Array(repeating: 0, count: n)
        )
        (diameter, averagePathLength) = (0, 0)
    }

    /// `closeness: false` leaves closeness and harmonic at 0 and saves their bookkeeping;
    /// `betweenness: false` leaves betweenness at 0 and skips the dependency pass (for a caller that
    /// estimates it otherwise: `BetweennessEstimate`).
    init(
        _ g: Graph, weighted: Bool, sample: (sources: Int, seed: UInt64)?, step: ProgressStep,
        progress: ProgressHandler?, closeness withCloseness: Bool = true, betweenness withBetweenness: Bool = true
    ) {
        let n = g.nodeCount
        var sources = Array(0..<n)
        if let sample, sample.sources < n {
            var rng = SplitMix64(seed: sample.seed)
            for i in stride(from: n - 1, to: 0, by: -1) { sources.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            sources = Array(sources.prefix(max(1, sample.sources))).sorted()
        }
        var largest = [Bool](repeating: false, count: n)
        for v in components(g).first ?? [] { largest[v] = true }
        // In an undirected graph searched from every agency, d(s, v) = d(v, s): each search gives the
        // closeness of its own source. Otherwise the distances are summed at each target.
        let distances: PathSums.Distances =
            !withCloseness
            ? .none
            : !g.isDirected && sources.count == n ? .bySource : .byTarget
        let chosen = sources, inLargest = largest
        let meter = ProgressMeter(step, total: chosen.count, progress)
        let sums = forEachChunk(chosen.count, into: PathSums(n)) { range in
            var chunk = PathSums(n)
            if weighted {
                chunk.addWeighted(g, chosen[range], distances, withBetweenness, inLargest, meter)
            } else {
                chunk.addUnweighted(g, chosen[range], distances, withBetweenness, inLargest, meter)
            }
            return chunk
        } merge: { total, chunk in
            total.add(chunk)
        }

        let k = Double(chosen.count)
        let scale = (n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1) * Double(n) / max(1, k)
        betweenness = sums.dependency.map { $0 * scale }
        var isSource = [Bool](repeating: false, count: n)
        for s in chosen { isSource[s] = true }
        closeness = [Double](repeating: 0, count: n)
        harmonic = closeness
        for v in 0..<n {
            let others = k - (isSource[v] ? 1 : 0)  // sources other than v: n − 1 when exact
            guard others > 0 else { continue }
            let t = sums.targets[v]
            let reached = Double(t.reached)
            if t.total > 0 { closeness[v] = reached / t.total * (reached / others) }
            harmonic[v] = t.harmonic * (Double(n - 1) / others)
        }
        diameter = sums.diameter
        averagePathLength = sums.pairs > 0 ? sums.pathTotal / sums.pairs : 0
    }
}

/// Normalised betweenness alone; see `PathMeasures`.
public func betweenness(_ g: Graph, weighted: Bool = false, sample: (sources: Int, seed: UInt64)? = nil) -> [Double] {
    PathMeasures(g, weighted: weighted, sample: sample, step: .paths, progress: nil, closeness: false).betweenness
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

/// Sums over a set of sources: per agency, its dependencies and the distances to it (how many
/// reach it, their total distance and total 1/distance); over the sources in the largest
/// component, the longest distance and the total distance and pairs.
private struct PathSums {
    /// One agency's distance sums, side by side so that updating them touches one cache line.
    struct Target {
        var total = 0.0, harmonic = 0.0
        var reached = 0
    }
    /// Where the distances of one search go: nowhere, to its source, or to each agency reached.
    enum Distances { case none, bySource, byTarget }
    /// Dependencies apart from the distance sums: a betweenness-only search touches 8 bytes per agency.
    var dependency: [Double]
    var targets: [Target]
    var diameter = 0.0, pathTotal = 0.0, pairs = 0.0

    init(_ n: Int) {
        dependency = [Double](repeating: 0, count: n)
        targets = [Target](repeating: Target(), count: n)
    }

    mutating func add(_ other: PathSums) {
        for v in targets.indices {
            dependency[v] += other.dependency[v]
            targets[v].total += other.targets[v].total
            targets[v].harmonic += other.targets[v].harmonic
            targets[v].reached += other.targets[v].reached
        }
        diameter = max(diameter, other.diameter)
        pathTotal += other.pathTotal
        pairs += other.pairs
    }

    /// Brandes' accumulation for unweighted graphs: breadth-first search with integer distances,
    /// then, in reverse order, each agency gathers from its successors on shortest paths. The search
    /// writes those successors (the edges of the shortest-path DAG) as it finds them, in search order
    /// (`dag`, from `start[k]` for the k-th agency reached), so the gather reads only them, one
    /// after another, instead of every out-neighbour with a distance check: with the arrays below,
    /// 1.5–1.7× faster per source than plain Brandes in C at 100,000 agencies (docs/PERFORMANCE.md),
    /// for O(m) memory per thread. During the gather the path count σ(w) of an agency already passed is replaced by
    /// (1 + δ(w)) / σ(w), so each edge costs one addition. Distances (4 bytes) and counts (8) are
    /// kept apart, so the search's distance checks and the gather's reads each touch an array that
    /// fits a core's cache at 100,000 agencies. Written over raw buffers: this loop is where the time of
    /// `analyze` goes. Without `dependencies` the gather is skipped.
    // The buffer closures stay flat, so that the loop reads as one (not reformatted):
    // swift-format-ignore
    mutating func addUnweighted(_ g: Graph, _ sources: ArraySlice<Int>, _ distances: Distances, _ dependencies: Bool,
                                _ largest: [Bool], _ meter: ProgressMeter?) {
        let n = g.nodeCount
        var distance = [Int32](repeating: -1, count: n)
        var value = [Double](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var dag = [Int32](repeating: 0, count: g.targets.count)
        var start = [Int](repeating: 0, count: n + 1)
        let reciprocal = [0] + (1..<max(1, n)).map { 1 / Double($0) }  // 1/d without a division per pair
        g.offsets.withUnsafeBufferPointer { offsets in
        g.targets.withUnsafeBufferPointer { neighbours in
        distance.withUnsafeMutableBufferPointer { distance in
        value.withUnsafeMutableBufferPointer { value in
        order.withUnsafeMutableBufferPointer { order in
        dag.withUnsafeMutableBufferPointer { dag in
        start.withUnsafeMutableBufferPointer { start in
        reciprocal.withUnsafeBufferPointer { reciprocal in
        dependency.withUnsafeMutableBufferPointer { dependency in
        targets.withUnsafeMutableBufferPointer { targets in
            for s in sources {
                (distance[s], value[s]) = (0, 1)
                order[0] = Int32(s)
                var head = 0, tail = 1, edges = 0
                while head < tail {
                    let v = Int(order[head]); start[head] = edges; head += 1
                    let next = distance[v] + 1
                    let sv = value[v]
                    for i in offsets[v]..<offsets[v + 1] {
                        let w = neighbours[i]
                        let dw = distance[Int(w)]
                        if dw < 0 {
                            (distance[Int(w)], value[Int(w)]) = (next, sv)
                            order[tail] = w; tail += 1
                            dag[edges] = w; edges += 1
                        } else if dw == next {
                            value[Int(w)] += sv
                            dag[edges] = w; edges += 1
                        }
                    }
                }
                start[tail] = edges
                var total = 0, harmonicTotal = 0.0
                for k in stride(from: tail - 1, through: 1, by: -1) {
                    let v = Int(order[k])
                    let d = distance[v]
                    if dependencies {
                        var sum = 0.0
                        for i in start[k]..<start[k + 1] { sum += value[Int(dag[i])] }
                        let sigma = value[v]
                        let delta = sigma * sum
                        value[v] = (1 + delta) / sigma
                        dependency[v] += delta
                    }
                    total += Int(d)
                    switch distances {
                    case .none: break
                    case .bySource: harmonicTotal += reciprocal[Int(d)]
                    case .byTarget:
                        targets[v].total += Double(d)
                        targets[v].harmonic += reciprocal[Int(d)]
                        targets[v].reached += 1
                    }
                }
                if distances == .bySource {
                    (targets[s].total, targets[s].harmonic, targets[s].reached) =
                        (Double(total), harmonicTotal, tail - 1)
                }
                if largest[s] {
                    diameter = max(diameter, Double(distance[Int(order[tail - 1])]))
                    pathTotal += Double(total)
                    pairs += Double(tail - 1)
                }
                for k in 0..<tail { distance[Int(order[k])] = -1 }
                meter?.advance()
            }
        }}}}}}}}}}
    }

    /// Brandes' accumulation for weighted graphs (edge length 1/w) with Dijkstra; without
    /// `dependencies`, the distances only.
    mutating func addWeighted(
        _ g: Graph, _ sources: ArraySlice<Int>, _ distances: Distances, _ dependencies: Bool, _ largest: [Bool],
        _ meter: ProgressMeter?
    ) {
        var ws = DijkstraWorkspace(nodeCount: g.nodeCount)
        var delta = [Double](repeating: 0, count: g.nodeCount)
        for s in sources {
            ws.run(g, from: s)
            for v in ws.order { delta[Int(v)] = 0 }
            var total = 0.0, longest = 0.0, harmonicTotal = 0.0
            for w32 in ws.order.reversed() {
                let w = Int(w32)
                let coefficient = (1 + delta[w]) / ws.sigma[w]
                // Predecessors of w on shortest paths: in-neighbours v with d(v) + 1/w(v, w) = d(w),
                // compared as `DijkstraWorkspace` compared them when it counted the paths.
                for i in g.inOffsets[w]..<g.inOffsets[w + 1] where dependencies {
                    let v = Int(g.inTargets[i])
                    if sameLength(ws.distance[v] + 1 / g.inWeights[i], ws.distance[w]) {
                        delta[v] += ws.sigma[v] * coefficient
                    }
                }
                guard w != s else { continue }
                let d = ws.distance[w]
                dependency[w] += delta[w]
                total += d
                longest = max(longest, d)
                switch distances {
                case .none: break
                case .bySource: harmonicTotal += 1 / d
                case .byTarget:
                    targets[w].total += d
                    targets[w].harmonic += 1 / d
                    targets[w].reached += 1
                }
            }
            if distances == .bySource {
                (targets[s].total, targets[s].harmonic, targets[s].reached) = (total, harmonicTotal, ws.order.count - 1)
            }
            if largest[s] {
                diameter = max(diameter, longest)
                pathTotal += total
                pairs += Double(ws.order.count - 1)
            }
            meter?.advance()
        }
    }
}
