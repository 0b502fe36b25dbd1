import Foundation
import Testing
@testable import TsunagariKit

private func undirected(_ n: Int, _ edges: [(Int, Int)]) -> Graph {
    Graph(nodeCount: n, edges: edges.map { ($0.0, $0.1, 1) }, directed: false)
}

private func directed(_ n: Int, _ edges: [(Int, Int)]) -> Graph {
    Graph(nodeCount: n, edges: edges.map { ($0.0, $0.1, 1) }, directed: true)
}

/// Seeded random graph with about `degree` ties per node.
private func randomGraph(_ n: Int, degree: Double, seed: UInt64, directed isDirected: Bool = false) -> Graph {
    var rng = SplitMix64(seed: seed)
    var edges: [(Int, Int, Double)] = []
    let p = degree / Double(n - 1)
    for a in 0..<n {
        for b in 0..<n where a != b && (isDirected || a < b) {
            if Double(rng.next() % 1_000_000) / 1_000_000 < p { edges.append((a, b, Double(1 + rng.next() % 3))) }
        }
    }
    return Graph(nodeCount: n, edges: edges, directed: isDirected, weighted: true)
}

@Suite("Measures on hand-computed cases and properties")
struct MetricPropertyTests {
    @Test("eigenvector centrality of a chain of 300 (x_k ∝ sin(kπ/301)), of two equal triangles and an isolate")
    func eigenvectorHardCases() throws {
        // A path is the slowest case for power iteration (λ₂/λ₁ = cos(2π/301)/cos(π/301)); its
        // eigenvector is known in closed form.
        let n = 300
        let chain = try #require(eigenvectorCentrality(undirected(n, (0..<(n - 1)).map { ($0, $0 + 1) })))
        let exact = (1...n).map { sin(Double($0) * .pi / Double(n + 1)) }
        let norm = exact.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(zip(chain, exact).allSatisfy { abs($0 - $1 / norm) < 1e-9 })
        // Two components with the same leading eigenvalue: the uniform start's projection, as power
        // iteration from it gives (networkx), each triangle agency 1/√6, the isolate 0.
        let twins = try #require(
            eigenvectorCentrality(undirected(7, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])))
        #expect(twins.prefix(6).allSatisfy { abs($0 - 1 / 6.0.squareRoot()) < 1e-12 } && twins[6] == 0)
        // No ties at all: every agency alike.
        let none = try #require(eigenvectorCentrality(undirected(4, [])))
        #expect(none.allSatisfy { abs($0 - 0.5) < 1e-12 })
    }

    @Test("brokerage roles on the five Gould–Fernandez triads (hand-computed)")
    func brokerageRoles() {
        // a → b → c, no a → c; fields chosen for each role.
        let cases: [([Int], KeyPath<BrokerageRoles, Int>)] = [
            ([0, 0, 0], \.coordinator), ([0, 1, 0], \.itinerant), ([0, 1, 1], \.gatekeeper),
            ([0, 0, 1], \.representative), ([0, 1, 2], \.liaison),
        ]
        for (fields, role) in cases {
            let roles = brokerage(directed(3, [(0, 1), (1, 2)]), groups: fields)
            #expect(roles[1][keyPath: role] == 1 && roles[1].total == 1, "fields \(fields)")
            #expect(roles[0].total == 0 && roles[2].total == 0)
        }
        // Closing the triad (a → c) removes the brokerage.
        #expect(brokerage(directed(3, [(0, 1), (1, 2), (0, 2)]), groups: [0, 1, 2])[1].total == 0)
        // An undirected path a – b – c counts both directions: b is gatekeeper once and representative once.
        let roles = brokerage(undirected(3, [(0, 1), (1, 2)]), groups: [0, 1, 1])[1]
        #expect((roles.gatekeeper, roles.representative, roles.total) == (1, 1, 2))
        // The analysis counts on the reports' directions: A named B and B named C, so B lets A into
        // its field (gatekeeper) and does not speak for it outward (representative).
        let analysis = year(
            [("A", .health, nil, nil), ("B", .employment, nil, nil), ("C", .employment, nil, nil)],
            reports: ["A>B", "B>C"])
        let b = analysis.agencies[1].brokerage
        #expect((b.gatekeeper, b.representative, b.total) == (1, 0, 1))
    }

    @Test("articulation points and who they cut off (hand-computed)")
    func cutOff() {
        // 0–1–2 triangle, 2–3, 3–4, 3–5 (a small star hanging on 3), 6 isolated.
        let g = undirected(7, [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (3, 5)])
        let cuts = cutPoints(g)
        #expect(cuts.articulationPoints == [2, 3])
        #expect(cuts.bridges.map { [$0.a, $0.b] } == [[2, 3], [3, 4], [3, 5]])
        #expect(cuts.cutOff[2] == [0, 1])  // without 2: {0, 1} and {3, 4, 5}; the smaller part is cut off
        #expect(cuts.cutOff[3] == [4, 5])  // 4 and 5 are cut off; the larger rest stays together
        // A star: the centre (the DFS root) cuts off all but one leaf.
        let star = cutPoints(undirected(4, [(0, 1), (0, 2), (0, 3)]))
        #expect(star.articulationPoints == [0])
        #expect(star.cutOff[0] == [2, 3])
    }

    @Test("Freeman centralization: 1 for a star, 0 for a cycle; E-I index by hand")
    func centralizationAndEI() {
        let star = undirected(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
        #expect(degreeCentralization(star) == 1)
        #expect(abs(betweennessCentralization(betweenness(star)) - 1) < 1e-12)
        let cycle = undirected(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])
        #expect(degreeCentralization(cycle) == 0)
        #expect(abs(betweennessCentralization(betweenness(cycle))) < 1e-12)
        // Groups [0, 0, 1, 1, 1] on the cycle: internal ties 0–1, 2–3, 3–4; external 1–2, 4–0.
        let ei = eiIndex(cycle, groups: [0, 0, 1, 1, 1], groupCount: 2)
        #expect(abs(ei.overall - (2 - 3) / 5.0) < 1e-12)
        #expect(abs(ei.perGroup[0] - (2 - 1) / 3.0) < 1e-12)  // group 0: 1 internal, 2 external
        #expect(abs(ei.perGroup[1] - (2 - 2) / 4.0) < 1e-12)  // group 1: 2 internal, 2 external
    }

    @Test("Louvain finds two planted cliques, the same way every time")
    func louvain() {
        var edges: [(Int, Int)] = []
        for a in 0..<5 { for b in (a + 1)..<5 { edges.append((a, b)); edges.append((a + 5, b + 5)) } }
        edges.append((4, 5))
        let g = undirected(11, edges)  // node 10 has no ties
        let communities = louvainCommunities(g, seed: 7)
        #expect(communities == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2])
        #expect(louvainCommunities(g, seed: 7) == communities)
        // On seeded random graphs: deterministic, and at least as good as everyone-in-one.
        for seed in UInt64(1)...5 {
            let r = randomGraph(80, degree: 4, seed: seed)
            let c = louvainCommunities(r, seed: 3)
            #expect(c == louvainCommunities(r, seed: 3))
            #expect(modularity(r, communities: c) > 0.3)
        }
    }

    @Test("components partition the agencies; removing a bridge adds a component")
    func componentsAndBridges() {
        for seed in UInt64(1)...10 {
            let g = randomGraph(60, degree: 2, seed: seed)
            let parts = components(g)
            #expect(parts.joined().sorted() == Array(0..<60))
            for bridge in cutPoints(g).bridges.prefix(3) {
                var edges: [(Int, Int, Double)] = []
                for a in 0..<60 {
                    for b in g.successors(a) where a < Int(b) && (a, Int(b)) != (bridge.a, bridge.b) {
                        edges.append((a, Int(b), 1))
                    }
                }
                #expect(components(Graph(nodeCount: 60, edges: edges, directed: false)).count == parts.count + 1)
            }
        }
    }

    @Test("leaves and isolates have betweenness 0; relabelling the agencies changes no value")
    func leavesAndRelabelling() {
        for seed in UInt64(1)...6 {
            let g = randomGraph(40, degree: 3, seed: seed, directed: seed % 2 == 0)
            let b = betweenness(g, weighted: true)
            let u = g.undirected
            for v in 0..<40 where u.outDegree(v) <= 1 { #expect(b[v] == 0) }

            var rng = SplitMix64(seed: seed + 100)
            var permutation = Array(0..<40)
            for i in stride(from: 39, to: 0, by: -1) { permutation.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            var edges: [(Int, Int, Double)] = []
            for a in 0..<40 {
                for i in g.offsets[a]..<g.offsets[a + 1] {
                    edges.append((permutation[a], permutation[Int(g.targets[i])], g.weights[i]))
                }
            }
            let h = Graph(nodeCount: 40, edges: edges, directed: g.isDirected, weighted: true)
            let measures: [(Graph) -> [Double]] = [
                { betweenness($0, weighted: true) }, { PathMeasures($0).closeness }, { PathMeasures($0).harmonic },
                { pagerank($0, weighted: true) }, { coreNumbers($0).map(Double.init) }, { clustering($0).local },
                { structuralHoles($0).constraint },
            ]
            for measure in measures {
                let (x, y) = (measure(g), measure(h))
                for v in 0..<40 {
                    #expect((x[v].isNaN && y[permutation[v]].isNaN) || abs(x[v] - y[permutation[v]]) < 1e-9)
                }
            }
        }
    }
}

@Suite("Sampled betweenness (Brandes–Pich)")
struct SampledBetweennessTests {
    @Test("all sources sampled gives the exact values")
    func allSources() {
        let g = Graph(nodeCount: 6, edges: [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (1, 5, 1)], directed: false)
        #expect(betweenness(g, sample: (sources: 6, seed: 9)) == betweenness(g))
    }

    @Test("estimates stay within the stated bound, and the same seed gives the same estimate")
    func bound() {
        var rng = SplitMix64(seed: 5)
        var edges: [(Int, Int, Double)] = []
        for a in 0..<400 { for _ in 0..<3 { let b = Int(rng.next() % 400); if a != b { edges.append((a, b, 1)) } } }
        let g = Graph(nodeCount: 400, edges: edges, directed: false)
        let exact = betweenness(g)
        let estimate = betweenness(g, sample: (sources: 100, seed: 3))
        let bound = sampledBetweennessError(nodes: 400, samples: 100)
        #expect(zip(exact, estimate).allSatisfy { abs($0 - $1) <= bound })
        #expect(betweenness(g, sample: (sources: 100, seed: 3)) == estimate)
        #expect(estimate != exact)
        // ε = n/(n−1) · √(ln(2n/δ)/(2k)) by hand for n = 400, k = 100, δ = 0.05.
        #expect(abs(bound - 400.0 / 399 * (log(2 * 400 / 0.05) / 200).squareRoot()) < 1e-12)
    }
}

@Suite("Path measures: threads, sampling, progress")
struct PathMeasureRunTests {
    static func random(_ n: Int, seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed)
        var edges: [(Int, Int, Double)] = []
        for a in 0..<n { for _ in 0..<3 { let b = Int(rng.next() % UInt64(n)); if a != b { edges.append((a, b, 1)) } } }
        return Graph(nodeCount: n, edges: edges, directed: false)
    }

    @Test("chunks are merged once each, in order, whatever the threads and however long a merge takes")
    func chunksMergedInOrder() {
        for count in [0, 1, 5, 31, 32, 33, 1_000] {
            for threads in [1, 2, 4] {
                let merged = Parallelism.$requested.withValue(threads) {
                    forEachChunk(count, into: [Int]()) { range -> [Int] in
                        usleep(UInt32(range.lowerBound % 3) * 200)  // chunks finish out of order
                        return Array(range)
                    } merge: { all, part in
                        usleep(300)  // others finish while a merge goes on
                        all += part
                    }
                }
                #expect(merged == Array(0..<count), "\(count) rows, \(threads) threads")
            }
        }
    }

    @Test("one thread and two threads give identical values, to the last bit")
    func threads() {
        let g = Self.random(300, seed: 11)
        let one = Parallelism.$requested.withValue(1) { PathMeasures(g) }
        let two = Parallelism.$requested.withValue(2) { PathMeasures(g) }
        #expect(Parallelism.$requested.withValue(2) { Parallelism.threads } == 2)
        #expect(one.betweenness == two.betweenness)
        #expect(one.closeness == two.closeness)
        #expect(one.harmonic == two.harmonic)
        #expect(one.averagePathLength == two.averagePathLength)
    }

    @Test("sampled closeness and harmonic are near the exact values; the diameter is a lower bound")
    func sampledCloseness() {
        let g = Self.random(400, seed: 5)
        let exact = PathMeasures(g)
        let estimate = PathMeasures(g, sample: (sources: 200, seed: 2))
        for v in 0..<400 where exact.closeness[v] > 0 {
            #expect(abs(estimate.closeness[v] / exact.closeness[v] - 1) < 0.1, "closeness of \(v)")
            #expect(abs(estimate.harmonic[v] / exact.harmonic[v] - 1) < 0.1, "harmonic of \(v)")
        }
        #expect(estimate.closeness != exact.closeness)
        #expect(estimate.diameter <= exact.diameter && estimate.diameter >= exact.diameter - 2)
        #expect(abs(estimate.averagePathLength / exact.averagePathLength - 1) < 0.05)
    }

    @Test("progress counts every source once and ends at the total")
    func progress() {
        let g = Self.random(120, seed: 3)
        let seen = Locked<[(ProgressStep, Int, Int)]>([])
        _ = PathMeasures(g, step: .directedPaths) { step, done, total in
            seen.withLock { $0.append((step, done, total)) }
        }
        let calls = seen.withLock { $0 }
        #expect(calls.count == 121)  // the start (0) and one call per source
        #expect(calls.allSatisfy { $0.0 == .directedPaths && $0.2 == 120 })
        #expect(Set(calls.map(\.1)) == Set(0...120))
    }
}
