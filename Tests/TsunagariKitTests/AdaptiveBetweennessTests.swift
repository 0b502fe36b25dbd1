import Foundation
import Testing

@testable import TsunagariKit

@Suite("Adaptive betweenness (KADABRA)")
struct AdaptiveBetweennessTests {
    static func random(_ n: Int, seed: UInt64, directed: Bool) -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int, Double)] = []
        for a in 0..<n { for _ in 0..<3 { let b = Int(rng.next() % UInt64(n)); if a != b { edges.append((a, b, 1)) } } }
        return Graph(nodeCount: n, edges: edges, directed: directed)
    }

    /// A grid of `side` × `side` agencies: most pairs have many shortest paths of unequal counts, so
    /// a path drawn other than uniformly (say, each step's predecessor uniformly) misplaces the load.
    static func grid(_ side: Int) -> Graph {
        var edges: [(Int, Int, Double)] = []
        for r in 0..<side {
            for c in 0..<side {
                if c + 1 < side { edges.append((r * side + c, r * side + c + 1, 1)) }
                if r + 1 < side { edges.append((r * side + c, (r + 1) * side + c, 1)) }
            }
        }
        return Graph(nodeCount: side * side, edges: edges, directed: false)
    }

    /// Local areas of `area` agencies, four partners in five named within: many triangles, so a
    /// search side often reaches agencies a level further before it meets the other (they must not
    /// count as meeting points).
    static func localAreas(_ n: Int, area: Int, seed: UInt64, directed: Bool) -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int, Double)] = []
        for a in 0..<n {
            for _ in 0..<3 {
                let b =
                    rng.next() % 5 == 0 ? Int(rng.next() % UInt64(n)) : a / area * area + Int(rng.next() % UInt64(area))
                if a != b { edges.append((a, b, 1)) }
            }
        }
        return Graph(nodeCount: n, edges: edges, directed: directed)
    }

    static func expectWithin(_ g: Graph, error: Double, _ comment: Comment) -> BetweennessEstimate {
        let exact = betweenness(g)
        let estimate = BetweennessEstimate(g, error: error, seed: 7)
        #expect(estimate.errorBound <= error, comment)
        #expect(estimate.errorBound > 0, comment)
        let worst = zip(exact, estimate.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= estimate.errorBound, "\(comment): worst error \(worst), bound \(estimate.errorBound)")
        #expect(worst > 0, comment)  // an estimate, not the exact values
        return estimate
    }

    @Test("every estimate lies within the bound achieved, on a grid and on random graphs either way")
    func withinBound() {
        let grid = Self.expectWithin(Self.grid(9), error: 0.01, "grid")
        #expect(grid.samples > 1_000)
        _ = Self.expectWithin(Self.localAreas(1_000, area: 20, seed: 8, directed: false), error: 0.005, "local areas")
        _ = Self.expectWithin(Self.random(300, seed: 4, directed: false), error: 0.01, "undirected")
        _ = Self.expectWithin(Self.random(300, seed: 4, directed: true), error: 0.01, "directed")
    }

    @Test("every path drawn is a shortest path: as many agencies inside as the distance less one")
    func shortestPathsOnly() {
        var rng = SplitMix64(seed: 3)
        for directed in [false, true] {
            let g = Self.localAreas(150, area: 15, seed: 3, directed: directed)
            var search = BidirectionalSearch(g)
            var wrong = 0
            for s in 0..<150 {
                var distance = [Int](repeating: -1, count: 150)
                distance[s] = 0
                var queue = [s], head = 0
                while head < queue.count {
                    let v = queue[head]
                    head += 1
                    for w in g.successors(v) where distance[Int(w)] < 0 {
                        distance[Int(w)] = distance[v] + 1
                        queue.append(Int(w))
                    }
                }
                for t in 0..<150 where t != s {
                    var inside: [Int32] = []
                    search.samplePath(from: s, to: t, &rng, into: &inside)
                    if inside.count != max(0, distance[t] - 1) || inside.contains(Int32(s)) || inside.contains(Int32(t))
                    {
                        wrong += 1
                    }
                }
            }
            #expect(wrong == 0, "directed: \(directed)")
        }
    }

    @Test("a star's centre is the only agency inside a path; two separate ties need no sample")
    func handComputed() {
        let star = Graph(nodeCount: 8, edges: (1..<8).map { (0, $0, 1) }, directed: false)
        let estimate = BetweennessEstimate(star, error: 0.02, topCount: 1)
        #expect(abs(estimate.values[0] - 1) <= estimate.errorBound)
        #expect(estimate.values[1...].allSatisfy { $0 == 0 })
        #expect(estimate.certainTop == 1)
        // No shortest path has an agency inside: the bound says so, and nothing is sampled.
        let pairs = Graph(nodeCount: 4, edges: [(0, 1, 1), (2, 3, 1)], directed: false)
        #expect(vertexDiameterBound(pairs) == 2)
        #expect(BetweennessEstimate(pairs, error: 0.01).samples == 0)
        #expect(BetweennessEstimate(pairs, error: 0.01).values == [0, 0, 0, 0])
        // A triangle's bound (2·1 + 1 = 3) lets sampling run; it finds no agency inside.
        let triangle = Graph(nodeCount: 3, edges: [(0, 1, 1), (1, 2, 1), (0, 2, 1)], directed: false)
        #expect(BetweennessEstimate(triangle, error: 0.05).values == [0, 0, 0])
    }

    @Test("the same seed gives the same estimate on one thread and two")
    func deterministic() {
        let g = Self.random(500, seed: 9, directed: false)
        let one = Parallelism.$requested.withValue(1) { BetweennessEstimate(g, error: 0.02, seed: 3) }
        let two = Parallelism.$requested.withValue(2) { BetweennessEstimate(g, error: 0.02, seed: 3) }
        #expect(one == two)
        #expect(BetweennessEstimate(g, error: 0.02, seed: 4) != one)
    }

    @Test("sampling stops early where values are small; the hubs certain to lead are the exact leaders")
    func adaptive() {
        // Preferential attachment (each newcomer ties to two agencies chosen by degree): hubs of
        // clearly different loads.
        var rng = SplitMix64(seed: 2)
        var ends = [0, 1]
        var edges: [(Int, Int, Double)] = [(0, 1, 1)]
        for v in 2..<2_000 {
            for _ in 0..<2 {
                let u = ends[Int(rng.next() % UInt64(ends.count))]
                edges.append((v, u, 1))
                ends += [u, v]
            }
        }
        let g = Graph(nodeCount: 2_000, edges: edges, directed: false)
        let estimate = BetweennessEstimate(g, error: 0.01)
        let diameter = vertexDiameterBound(g)
        let omega = 0.5 / pow(0.01 * 1998 / 2000, 2) * (Double(Int(log2(Double(diameter - 2))) + 1) + log(40))
        #expect(Double(estimate.samples) <= omega.rounded(.up))
        // Where every value is small (a random network without hubs), far fewer samples are enough.
        let flat = Self.random(2_000, seed: 2, directed: false)
        let flatOmega =
            0.5 / pow(0.01 * 1998 / 2000, 2) * (Double(Int(log2(Double(vertexDiameterBound(flat) - 2))) + 1) + log(40))
        #expect(Double(BetweennessEstimate(flat, error: 0.01).samples) < flatOmega / 2)
        #expect(estimate.certainTop >= 1 && estimate.certainTop <= 10)
        let exact = betweenness(g)
        let exactTop = Set((0..<2_000).sorted { exact[$0] > exact[$1] }.prefix(10))
        let ranked = (0..<2_000).sorted { (estimate.values[$0], $1) > (estimate.values[$1], $0) }
        #expect(ranked.prefix(estimate.certainTop).allSatisfy(exactTop.contains))
    }

    @Test("the vertex diameter bound is at least the most agencies on a shortest path")
    func diameterBound() {
        let chain = Graph(nodeCount: 6, edges: (0..<5).map { ($0, $0 + 1, 1) }, directed: false)
        #expect(vertexDiameterBound(chain) == 6)  // from agency 0: eccentricity 5, bound min(11, 6)
        let g = Self.random(400, seed: 1, directed: false)
        let exact = PathMeasures(g)
        #expect(Double(vertexDiameterBound(g)) >= exact.diameter + 1)
        #expect(Double(vertexDiameterBound(g)) <= 2 * exact.diameter + 1)
    }

    @Test("a sampled analysis: both networks' betweenness within the bound it states, closeness from its sources")
    func sampledAnalysis() throws {
        // 600 agencies in local areas of 30 naming three partners each (one in five elsewhere).
        var rng = SplitMix64(seed: 3)
        let agencies = (0..<600).map { ("G\($0)", Field.allCases[$0 % 4], Int?.none, Int?.none) }
        var reports = Set<String>()
        for a in 0..<600 {
            for _ in 0..<3 {
                let b = rng.next() % 5 == 0 ? Int(rng.next() % 600) : a / 30 * 30 + Int(rng.next() % 30)
                if a != b { reports.insert("G\(a)>G\(b)") }
            }
        }
        let exact = year(agencies, reports: reports.sorted())
        let sampled = year(agencies, reports: reports.sorted(), betweennessSample: 100)
        #expect(exact.summary.estimate == nil && exact.summary.estimated.isEmpty)
        let e = try #require(sampled.summary.estimate)
        #expect(e.sources == 100 && (e.betweennessPaths ?? 0) > 1_000 && e.betweennessDirectedPaths > 1_000)
        #expect(e.betweennessErrorBound > 0 && e.betweennessErrorBound <= estimatedBetweennessError)
        #expect((0...10).contains(e.certainTop10 ?? -1))
        #expect(
            sampled.summary.estimated.contains("betweenness")
                && sampled.summary.estimated.contains("betweenness_directed"))
        for (name, value) in [("works with", \AgencyMeasures.betweenness), ("directed", \.betweennessDirected)] {
            let errors = zip(exact.agencies, sampled.agencies).map { abs($0[keyPath: value] - $1[keyPath: value]) }
            #expect(errors.max()! <= e.betweennessErrorBound, "\(name): \(errors.max()!)")
            #expect(errors.max()! > 0, "\(name) estimated, not exact")
        }
        // Closeness as the sampled search gives it, although that search skipped the dependencies.
        let searched = PathMeasures(sampled.network.worksWith, sample: (sources: 100, seed: 1))
        #expect(sampled.agencies.map(\.closeness) == searched.closeness)
        #expect(sampled.agencies.map(\.harmonic) == searched.harmonic)
        // The summary sheet (xlsx) states the estimate; the exact run's has none of it.
        let sheet = sampled.summaryTable(.en)
        #expect(sheet.contains(["path_sample_sources", "100"]))
        #expect(sheet.contains(["betweenness_error_bound", fixed(e.betweennessErrorBound)]))
        #expect(sheet.contains(["betweenness_certain_top10", "\(e.certainTop10!)"]))
        #expect(!exact.summaryTable(.en).contains { $0.first == "path_sample_sources" })
        // Weighted betweenness comes from the sources, with their (looser) bound.
        let weighted = try #require(
            year(agencies, reports: reports.sorted(), weighted: true, betweennessSample: 100).summary.estimate)
        #expect(weighted.betweennessPaths == nil && weighted.certainTop10 == nil)
        #expect(weighted.betweennessErrorBound == sampledBetweennessError(nodes: 600, samples: 100))
    }

    @Test("progress counts the batches drawn and ends at its total, also when the estimate stops early")
    func progress() {
        let seen = Locked<[(ProgressStep, Int, Int)]>([])
        let estimate = BetweennessEstimate(Self.random(2_000, seed: 2, directed: false), error: 0.01) {
            step, done, total in seen.withLock { $0.append((step, done, total)) }
        }
        let calls = seen.withLock { $0 }
        let total = calls.first?.2 ?? 0
        #expect(total > 1)
        #expect(calls.allSatisfy { $0.0 == .sampledPaths && $0.2 == total })
        #expect(calls.first?.1 == 0 && calls.last?.1 == total)
        // Stopped early: fewer batches drawn than the most there could be, and the last call says done.
        #expect(estimate.samples < total * 1_024)
        #expect(calls.dropLast().allSatisfy { $0.1 < total })
    }
}
