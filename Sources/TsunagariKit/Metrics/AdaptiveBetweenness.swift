import Dispatch
import Foundation

/// Normalised betweenness estimated from random shortest paths with an adaptive stop, and what the
/// estimate guarantees.
///
/// KADABRA (Borassi & Natale 2016, "KADABRA is an ADaptive Algorithm for Betweenness via Random
/// Approximation"): each sample is a pair s ≠ t drawn uniformly and one shortest s–t path drawn
/// uniformly among all of them (a balanced bidirectional breadth-first search: the side whose frontier
/// has fewer edges grows by one level until the two meet); every agency inside the path scores 1. After
/// τ samples the share b̃(v) = score/τ estimates b(v) = Σ_{s ≠ t} σ(s, t | v)/σ(s, t) / (n(n − 1)),
/// which is n/(n − 2) times smaller than networkx's normalisation (the numerators are equal).
///
/// The number of samples is bounded by ω = c/λ² · (⌊log₂(VD − 2)⌋ + 1 + ln(2/δ)), c = 1/2, the
/// sample size of Riondato & Kornaropoulos (2016, "Fast approximation of betweenness centrality through
/// sampling") for a vertex diameter VD (the most agencies on one shortest path; an upper bound is used:
/// 2·eccentricity + 1 per component of an undirected graph, the size of the weak component in a directed
/// one). Sampling stops earlier once every agency's interval [b̃ − f, b̃ + g] is within λ, with
/// f = (L/τ)(1/3 − ω/τ + √((1/3 − ω/τ)² + 2b̃ω/L)), g = (L/τ)(1/3 + ω/τ + √((1/3 + ω/τ)² + 2b̃ω/L)),
/// L = ln(1/δ_v). With probability 1 − δ every agency's value lies in its interval. Here δ is shared
/// equally, δ_v = δ/(4n) for each side of each agency (the paper balances it by a first sample); f and g
/// then grow with b̃, so the agency with the largest score decides the stop, and the intervals' largest
/// half-width is the bound achieved.
///
/// Samples come in batches of 1,024 drawn from generators seeded by (seed, batch); batches run in
/// parallel and are taken in batch order, the stop being checked after each, so the result does not
/// depend on the number of threads. Time O(τ · the edges a bidirectional search visits); memory O(n)
/// per thread.
public struct BetweennessEstimate: Sendable, Equatable {
    /// Per agency, normalised as networkx does (divided by (n − 1)(n − 2)).
    public var values: [Double]
    /// Random shortest paths drawn (τ).
    public var samples: Int
    /// With probability `confidence`, every agency's value is within ± this of its estimate (the
    /// largest half-width achieved; at most the error asked for).
    public var errorBound: Double
    /// How many of the `topCount` highest estimates are certainly among the `topCount` highest values:
    /// their lower ends lie above every upper end outside them.
    public var certainTop: Int
    public var topCount: Int

    /// Estimates the betweenness of `g` (unweighted; directed or not) to within `error` in networkx's
    /// normalisation with probability `confidence`. `progress` hears the batches done out of the
    /// most there can be (the step ends early when the estimate is good enough).
    public init(
        _ g: Graph, error: Double, confidence: Double = 0.95, seed: UInt64 = 1, topCount: Int = 10,
        step: ProgressStep = .sampledPaths, progress: ProgressHandler? = nil
    ) {
        let n = g.nodeCount
        self.topCount = topCount
        let diameter = vertexDiameterBound(g)
        guard n > 2, diameter > 2 else {  // no agency lies inside a shortest path
            (values, samples, errorBound, certainTop) = ([Double](repeating: 0, count: n), 0, 0, 0)
            return
        }
        let delta = 1 - confidence
        let scale = Double(n) / Double(n - 2)  // from KADABRA's normalisation to networkx's
        let lambda = error / scale
        let dimension = Double(Int(log2(Double(diameter - 2))) + 1)
        let omega = Int((0.5 / (lambda * lambda) * (dimension + log(2 / delta))).rounded(.up))
        let bounds = KadabraBounds(omega: Double(omega), logInverse: log(4 * Double(n) / delta))

        let batchSize = 1_024
        let batches = (omega + batchSize - 1) / batchSize
        let workers = max(1, Parallelism.threads)
        let meter = ProgressMeter(step, total: batches, progress)
        var score = [Int32](repeating: 0, count: n)
        var (taken, top) = (0, Int32(0))
        var stopped = false
        var first = 0
        while !stopped && first < batches {
            let round = first..<min(batches, first + workers)
            let results = Locked([Int: [Int32]]())
            DispatchQueue.concurrentPerform(iterations: round.count) { i in
                let batch = round.lowerBound + i
                let count = min(batchSize, omega - batch * batchSize)
                let inside = samplePaths(g, count: count, seed: seed &+ 0x9E37_79B9 &* UInt64(batch + 1))
                results.withLock { $0[batch] = inside }
                meter?.advance()
            }
            let inside = results.withLock { $0 }
            for batch in round {
                for v in inside[batch]! {
                    score[Int(v)] += 1
                    top = max(top, score[Int(v)])
                }
                taken += min(batchSize, omega - batch * batchSize)
                if taken >= omega || bounds.upper(Double(top) / Double(taken), taken) <= lambda {  // g ≥ f
                    stopped = true
                    break
                }
            }
            first = round.upperBound
        }
        progress?(step, batches, batches)
        samples = taken
        let tau = Double(taken)
        values = score.map { Double($0) / tau * scale }
        // The half-widths below and above a share; at ω the Riondato–Kornaropoulos guarantee: λ.
        let below = { (share: Double) in taken >= omega ? lambda : bounds.lower(share, taken) }
        let above = { (share: Double) in taken >= omega ? lambda : bounds.upper(share, taken) }
        errorBound = above(Double(top) / tau) * scale
        let ranked = (0..<n).sorted { (score[$0], $1) > (score[$1], $0) }
        guard topCount < n else {
            certainTop = n
            return
        }
        let outside = Double(score[ranked[topCount]]) / tau
        let ceiling = outside + above(outside)
        certainTop = ranked.prefix(topCount).count { v in
            let share = Double(score[v]) / tau
            return share - below(share) > ceiling
        }
    }
}

/// KADABRA's half-widths f (below the estimate) and g (above it, never smaller than f) after τ of at
/// most ω samples.
private struct KadabraBounds {
    var omega: Double
    /// ln(1/δ_v).
    var logInverse: Double

    func lower(_ share: Double, _ tau: Int) -> Double {
        let t = Double(tau), a = 1.0 / 3 - omega / t
        return logInverse / t * (a + (a * a + 2 * share * omega / logInverse).squareRoot())
    }

    func upper(_ share: Double, _ tau: Int) -> Double {
        let t = Double(tau), a = 1.0 / 3 + omega / t
        return logInverse / t * (a + (a * a + 2 * share * omega / logInverse).squareRoot())
    }
}

/// An upper bound on the number of agencies on any shortest path: in an undirected graph the largest
/// over the components of 2e + 1 (e the eccentricity of the component's first agency: every two of its
/// agencies are at most 2e apart) or the component's size if smaller; in a directed graph the size of
/// the largest weak component.
func vertexDiameterBound(_ g: Graph) -> Int {
    if g.isDirected { return components(g).first?.count ?? 0 }
    let n = g.nodeCount
    var distance = [Int32](repeating: -1, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var bound = n > 0 ? 1 : 0
    for start in 0..<n where distance[start] < 0 {
        distance[start] = 0
        queue[0] = Int32(start)
        var (head, tail) = (0, 1)
        while head < tail {
            let v = Int(queue[head])
            head += 1
            for w in g.successors(v) where distance[Int(w)] < 0 {
                distance[Int(w)] = distance[v] + 1
                queue[tail] = w
                tail += 1
            }
        }
        bound = max(bound, min(tail, 2 * Int(distance[Int(queue[tail - 1])]) + 1))
    }
    return bound
}

/// Draws `count` pairs s ≠ t and one shortest s–t path each, uniformly; returns the agencies inside
/// the paths (s and t excluded), one entry per visit.
private func samplePaths(_ g: Graph, count: Int, seed: UInt64) -> [Int32] {
    var search = BidirectionalSearch(g)
    var rng = SplitMix64(seed: seed)
    var inside: [Int32] = []
    let n = UInt64(g.nodeCount)
    for _ in 0..<count {
        let s = Int(rng.next() % n)
        var t = Int(rng.next() % (n - 1))
        if t >= s { t += 1 }
        search.samplePath(from: s, to: t, &rng, into: &inside)
    }
    return inside
}

/// One worker's scratch arrays for balanced bidirectional breadth-first searches: distance and path
/// count from s (forward) and to t (backward), and the agencies touched, to reset.
struct BidirectionalSearch {
    let g: Graph
    var fromS: [Int32], fromT: [Int32]
    var pathsS: [Double], pathsT: [Double]
    var touched: [Int32] = []
    var frontierS: [Int32] = [], frontierT: [Int32] = [], next: [Int32] = []

    init(_ g: Graph) {
        self.g = g
        fromS = [Int32](repeating: -1, count: g.nodeCount)
        fromT = fromS
        pathsS = [Double](repeating: 0, count: g.nodeCount)
        pathsT = pathsS
    }

    /// Uniform in [0, 1).
    static func uniform(_ rng: inout SplitMix64) -> Double { Double(rng.next() >> 11) * 0x1p-53 }

    mutating func samplePath(from s: Int, to t: Int, _ rng: inout SplitMix64, into inside: inout [Int32]) {
        (fromS[s], pathsS[s], fromT[t], pathsT[t]) = (0, 1, 0, 1)
        touched.append(Int32(s))
        touched.append(Int32(t))
        frontierS = [Int32(s)]
        frontierT = [Int32(t)]
        var total = 0.0  // σ(s, t), found when the searches meet
        while total == 0 && !frontierS.isEmpty && !frontierT.isEmpty {
            let edgesS = frontierS.reduce(0) { $0 + g.outDegree(Int($1)) }
            let edgesT = frontierT.reduce(0) { $0 + g.inDegree(Int($1)) }
            total = edgesS <= edgesT ? grow(forward: true) : grow(forward: false)
        }
        if total > 0 { drawPath(total, &rng, &inside) }
        for v in touched { (fromS[Int(v)], fromT[Int(v)], pathsS[Int(v)], pathsT[Int(v)]) = (-1, -1, 0, 0) }
        touched.removeAll(keepingCapacity: true)
    }

    /// Grows one side by a level. Returns σ(s, t) when the sides meet, summed over the edges v → w
    /// from s's frontier to t's frontier of σ(s, v)·σ(w, t); 0 otherwise. (Every edge between the two
    /// searched sets joins their frontiers: any other would have met them a level earlier.)
    private mutating func grow(forward: Bool) -> Double {
        var total = 0.0
        next.removeAll(keepingCapacity: true)
        let (offsets, targets) = forward ? (g.offsets, g.targets) : (g.inOffsets, g.inTargets)
        for v32 in forward ? frontierS : frontierT {
            let v = Int(v32)
            let level = (forward ? fromS[v] : fromT[v]) + 1
            let paths = forward ? pathsS[v] : pathsT[v]
            for i in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[i])
                if (forward ? fromT[w] : fromS[w]) >= 0 {
                    total += paths * (forward ? pathsT[w] : pathsS[w])
                } else if total == 0 && forward {
                    if fromS[w] < 0 { (fromS[w], pathsS[w]) = (level, 0); discovered(w) }
                    if fromS[w] == level { pathsS[w] += paths }
                } else if total == 0 {
                    if fromT[w] < 0 { (fromT[w], pathsT[w]) = (level, 0); discovered(w) }
                    if fromT[w] == level { pathsT[w] += paths }
                }
            }
        }
        if total == 0 {
            if forward { swap(&frontierS, &next) } else { swap(&frontierT, &next) }
        }
        return total
    }

    private mutating func discovered(_ w: Int) {
        next.append(Int32(w))
        touched.append(Int32(w))
    }

    /// Picks a meeting edge v → w with probability σ(s, v)σ(w, t)/σ(s, t), then walks from v back to s
    /// and from w on to t, each step choosing a predecessor u of v with probability σ(s, u)/σ(s, v)
    /// (a successor x of w with probability σ(x, t)/σ(w, t)). A draw that rounding carries past the
    /// last choice takes the last one.
    private func drawPath(_ total: Double, _ rng: inout SplitMix64, _ inside: inout [Int32]) {
        var r = Self.uniform(&rng) * total
        var (v, w) = (-1, -1)
        // t's side may have reached agencies a level further before the meeting was seen: only its
        // frontier counts.
        let radius = fromT[Int(frontierT[0])]
        choose: for a in frontierS {
            for x in g.successors(Int(a)) where fromT[Int(x)] >= 0 && fromT[Int(x)] <= radius {
                (v, w) = (Int(a), Int(x))
                let weight = pathsS[v] * pathsT[w]
                if r < weight { break choose }
                r -= weight
            }
        }
        Self.walk(from: v, fromS, pathsS, g.inOffsets, g.inTargets, &rng, &inside)
        Self.walk(from: w, fromT, pathsT, g.offsets, g.targets, &rng, &inside)
    }

    /// From `v` down to the side's end (distance 0), each step to a neighbour one level closer chosen
    /// with probability σ(u)/σ(v); records the agencies passed except the end.
    private static func walk(
        from start: Int, _ distance: [Int32], _ paths: [Double], _ offsets: [Int], _ targets: [Int32],
        _ rng: inout SplitMix64, _ inside: inout [Int32]
    ) {
        var v = start
        while distance[v] > 0 {
            inside.append(Int32(v))
            let level = distance[v] - 1
            var r = uniform(&rng) * paths[v]
            for u in targets[offsets[v]..<offsets[v + 1]] where distance[Int(u)] == level {
                v = Int(u)
                if r < paths[v] { break }
                r -= paths[v]
            }
        }
    }
}
