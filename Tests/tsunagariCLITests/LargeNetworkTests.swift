import Foundation
import Testing

@Suite("Large networks: path measures estimated by default, and said so")
struct LargeNetworkTests {
    /// A network of `agencies` agencies: 300 of them tied in a ring with chords (a well-mixed core, on
    /// which eigenvector centrality converges quickly), the rest without ties.
    private func network(_ agencies: Int) throws -> String {
        let dir = try CLI.tempFolder()
        try FileManager.default.createDirectory(atPath: dir + "/2025", withIntermediateDirectories: true)
        let fields = ["保健", "医療", "教育", "就労"]
        try
            ("id,name,field\n" + (0..<agencies).map { "L\($0),機関\($0),\(fields[$0 % 4])" }.joined(separator: "\n")
            + "\n").write(toFile: dir + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        let ties = (0..<300).flatMap { ["L\($0),L\(($0 + 1) % 300)", "L\($0),L\(($0 * 7 + 3) % 300)"] }
        try ("reporter,partner\n" + ties.joined(separator: "\n") + "\n").write(
            toFile: dir + "/2025/survey.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test(
        "above 20,000 agencies: estimated unless --exact (closeness from 1,000 sources, betweenness from paths); said")
    func automaticSample() throws {
        let dir = try network(20_001)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sampled = try CLI.run(["export", dir, "--format", "json", "--quiet"])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stderr.contains("betweenness within ±0.005") && sampled.stderr.contains("from 1000 agencies"))
        let graph = try #require(
            (try JSONSerialization.jsonObject(with: Data(sampled.stdout.utf8)) as? [String: Any])?["graph"]
                as? [String: Any])
        #expect(graph["path_sample_sources"] as? Int == 1000)
        #expect((graph["betweenness_sampled_paths"] as? Int ?? 0) > 0)
        #expect((graph["betweenness_directed_sampled_paths"] as? Int ?? 0) > 0)
        let bound = graph["betweenness_error_bound"] as? Double ?? 0
        #expect(bound > 0 && bound <= 0.005)
        #expect((0...10).contains(graph["betweenness_certain_top10"] as? Int ?? -1))
        let graphml = try CLI.run(["export", dir, "--format", "graphml", "--quiet"])
        #expect(graphml.stdout.contains("<key id=\"g0\" for=\"graph\" attr.name=\"path_sample_sources\""))
        let gexf = try CLI.run(["export", dir, "--format", "gexf", "--quiet", "--lang", "en"])
        #expect(
            gexf.stdout.contains("<description>closeness and harmonic estimated from 1000 sources, betweenness from "))
        // analyze's JSON carries the same estimate, its table says it in words.
        let json = try CLI.run(["analyze", dir, "--format", "json", "--quiet", "--lang", "en"])
        let summary = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["network"]
                as? [String: Any])
        let estimate = try #require(summary["estimate"] as? [String: Any], "\(summary.keys.sorted())")
        #expect(estimate["sources"] as? Int == 1000)
        let table = try CLI.run(["analyze", dir, "--quiet", "--lang", "en"])
        #expect(table.stdout.contains("random shortest paths (within ±"))
        let exact = try CLI.run(["gaps", dir, "--exact", "--quiet"])
        #expect(exact.status != 0)  // gaps has no path measures to make exact
        let both = try CLI.run(["analyze", dir, "--exact", "--sample", "5", "--quiet"])
        #expect(both.status != 0 && both.stderr.contains("give --exact or --sample, not both"))
    }

    @Test("below it the measures are exact and nothing is said; gaps computes no path measure at any size")
    func smallExact() throws {
        let dir = try network(400)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let exported = try CLI.run(["export", dir, "--format", "json", "--quiet"])
        #expect(exported.stderr.isEmpty && !exported.stdout.contains("path_sample_sources"))
        let exact = try CLI.run(["export", dir, "--format", "json", "--exact", "--quiet"])
        #expect(exact.stdout == exported.stdout)
        let gaps = try CLI.run(["gaps", dir, "--format", "csv", "--quiet"])
        #expect(gaps.status == 0 && gaps.stderr.isEmpty)
    }
}
