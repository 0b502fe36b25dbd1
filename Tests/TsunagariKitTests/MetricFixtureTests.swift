import Foundation
import Testing
@testable import TsunagariKit

/// Every measure networkx also computes, checked against networkx's values to 1e-9 on published
/// graphs and seeded random graphs (fixtures written by scripts/make_metric_fixtures.py).
@Suite("Measures against networkx")
struct MetricFixtureTests {
    struct Fixture: CustomStringConvertible {
        var name: String
        var graph: Graph
        var groups: [Int]?
        var metrics: [String: Any]
        var description: String { name }

        init(file: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            name = json["name"] as! String
            let n = json["n"] as! Int
            let weighted = json["weighted"] as! Bool
            let edges = (json["edges"] as! [[NSNumber]]).map { e in
                (e[0].intValue, e[1].intValue, weighted ? e[2].doubleValue : 1)
            }
            graph = Graph(nodeCount: n, edges: edges, directed: json["directed"] as! Bool, weighted: weighted)
            groups = (json["groups"] as? [NSNumber])?.map(\.intValue)
            metrics = json["metrics"] as! [String: Any]
        }

        /// A per-node metric; NaN where networkx wrote null.
        func values(_ key: String) -> [Double]? {
            (metrics[key] as? [Any])?.map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        }

        func number(_ key: String) -> Double? { (metrics[key] as? NSNumber)?.doubleValue }
    }

    static let files: [String] = {
        let folder = fixtures + "/metrics"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }()

    private func expectClose(
        _ ours: [Double], _ theirs: [Double]?, _ what: String, _ f: Fixture,
        tolerance: Double = 1e-9, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let theirs else {
            Issue.record("\(f.name): the fixture has no \(what)", sourceLocation: sourceLocation)
            return
        }
        #expect(ours.count == theirs.count, "\(f.name) \(what): length", sourceLocation: sourceLocation)
        for (i, (a, b)) in zip(ours, theirs).enumerated() {
            let same = (a.isNaN && b.isNaN) || abs(a - b) <= tolerance
            #expect(same, "\(f.name) \(what)[\(i)]: ours \(a), networkx \(b)", sourceLocation: sourceLocation)
        }
    }

    private func expectClose(
        _ ours: Double, _ theirs: Double?, _ what: String, _ f: Fixture,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let theirs else {
            Issue.record("\(f.name): the fixture has no \(what)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            (ours.isNaN && theirs.isNaN) || abs(ours - theirs) <= 1e-9,
            "\(f.name) \(what): ours \(ours), networkx \(theirs)", sourceLocation: sourceLocation)
    }

    @Test("there are fixtures for every graph family")
    func fixturesPresent() {
        let names = Self.files.map { ($0 as NSString).lastPathComponent }
        #expect(names.count >= 16)
        for expected in [
            "krackhardt_kite.json", "florentine_families.json", "karate_club.json", "davis_women.json",
            "gnp_directed_150_weighted.json", "gnp_undirected_150_weighted.json",
        ] {
            #expect(names.contains(expected))
        }
    }

    @Test("path measures: betweenness, closeness, harmonic (weighted with distance 1/w)", arguments: files)
    func paths(_ file: String) throws {
        let f = try Fixture(file: file)
        expectClose(betweenness(f.graph), f.values("betweenness"), "betweenness", f)
        let paths = PathMeasures(f.graph)
        let (closeness, harmonic) = (paths.closeness, paths.harmonic)
        expectClose(closeness, f.values("closeness"), "closeness", f)
        expectClose(harmonic, f.values("harmonic"), "harmonic", f)
        if f.graph.isWeighted {
            expectClose(
                betweenness(f.graph, weighted: true), f.values("betweenness_weighted"), "betweenness_weighted", f)
            let weighted = PathMeasures(f.graph, weighted: true)
            let (closeness, harmonic) = (weighted.closeness, weighted.harmonic)
            expectClose(closeness, f.values("closeness_weighted"), "closeness_weighted", f)
            expectClose(harmonic, f.values("harmonic_weighted"), "harmonic_weighted", f)
        }
    }

    @Test("spectral measures: PageRank and eigenvector", arguments: files)
    func spectral(_ file: String) throws {
        let f = try Fixture(file: file)
        expectClose(pagerank(f.graph, weighted: f.graph.isWeighted), f.values("pagerank"), "pagerank", f)
        let eigen = try #require(eigenvectorCentrality(f.graph, weighted: f.graph.isWeighted))
        expectClose(eigen, f.values("eigenvector"), "eigenvector", f)
    }

    @Test("local structure: degree, core, clustering, constraint, effective size, cut points", arguments: files)
    func local(_ file: String) throws {
        let f = try Fixture(file: file)
        let g = f.graph
        let n = g.nodeCount
        if g.isDirected {
            expectClose((0..<n).map { Double(g.inDegree($0)) }, f.values("in_degree"), "in_degree", f)
            expectClose((0..<n).map { Double(g.outDegree($0)) }, f.values("out_degree"), "out_degree", f)
            return
        }
        expectClose((0..<n).map { Double(g.outDegree($0)) }, f.values("degree"), "degree", f)
        if g.isWeighted {
            expectClose(
                (0..<n).map { v in g.successors(v).indices.reduce(0) { $0 + g.weights[$1] } }, f.values("strength"),
                "strength", f)
        }
        expectClose(coreNumbers(g).map(Double.init), f.values("core"), "core", f)
        let (local, transitivity) = clustering(g)
        expectClose(local, f.values("clustering"), "clustering", f)
        expectClose(transitivity, f.number("transitivity"), "transitivity", f)
        let holes = structuralHoles(g)
        expectClose(holes.constraint, f.values("constraint"), "constraint", f)
        expectClose(holes.effectiveSize, f.values("effective_size"), "effective_size", f)
        let cuts = cutPoints(g)
        let articulation = try #require(f.metrics["articulation"] as? [Bool])
        #expect(cuts.articulationPoints == articulation.indices.filter { articulation[$0] }, "\(f.name) articulation")
        let bridges = try #require(f.metrics["bridges"] as? [[Int]])
        #expect(cuts.bridges.map { [$0.a, $0.b] } == bridges, "\(f.name) bridges")
    }

    @Test("whole network: components, density, paths, assortativity, modularity", arguments: files)
    func whole(_ file: String) throws {
        let f = try Fixture(file: file)
        let g = f.graph
        let expectedComponents = (f.metrics[g.isDirected ? "weak_components" : "components"] as? [[Int]])
        #expect(components(g) == expectedComponents, "\(f.name) components")
        expectClose(density(g), f.number("density"), "density", f)
        if !g.isDirected {
            let paths = PathMeasures(g)
            expectClose(paths.diameter, f.number("diameter_lcc"), "diameter", f)
            expectClose(paths.averagePathLength, f.number("average_path_length_lcc"), "average path length", f)
            expectClose(degreeAssortativity(g), f.number("degree_assortativity"), "degree assortativity", f)
        }
        if let groups = f.groups {
            expectClose(assortativity(g, groups: groups), f.number("assortativity_groups"), "assortativity", f)
            if !g.isDirected {
                expectClose(modularity(g, communities: groups), f.number("modularity_groups"), "modularity", f)
            }
        }
    }

    @Test(
        "weighted betweenness against exact rational arithmetic: equal shortest paths whose float sums differ are still equal",
        arguments: ["cycle6", "random60"])
    func exactWeighted(_ name: String) throws {
        let url = URL(fileURLWithPath: fixtures).appendingPathComponent("exact/\(name).json")
        struct Exact: Decodable { var nodes: Int; var edges: [[Int]]; var betweenness_weighted: [Double] }
        let exact = try JSONDecoder().decode(Exact.self, from: Data(contentsOf: url))
        let g = Graph(
            nodeCount: exact.nodes, edges: exact.edges.map { ($0[0], $0[1], Double($0[2])) }, directed: false,
            weighted: true)
        let ours = betweenness(g, weighted: true)
        for (v, (a, b)) in zip(ours, exact.betweenness_weighted).enumerated() {
            #expect(abs(a - b) <= 1e-12, "\(name) node \(v): ours \(a), exact \(b)")
        }
    }
}
