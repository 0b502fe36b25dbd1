// Times each stage of the analysis on one network folder, for `make bench`.
// Usage: tsunagari-bench DIR [--threads N] [--sources K] [--runs R] [--paths-only] [--no-maps]
//        [--adaptive E --adaptive-out FILE] [--exact-out FILE] [--graph-out FILE] [--per-source K]
// (the latest year is used)
// Prints one line per stage: "<stage> <seconds>", then the peak resident memory of the analysis.
// --threads: threads for the path measures (default: all cores). --sources: the path measures
// search from K seeded sources only (the time of an exact run is then about n/K times longer);
// --runs: the path measures are timed R times and the fastest run printed.
// Ends, unless --no-maps, with the memory check of the map renderer: resident memory before and
// after rendering a small map 1,000 times.
import Foundation
import TsunagariKit
import TsunagariMaps

/// Runs `body` `runs` times with `--threads` threads and prints the fastest time (virtual
/// machines are noisy).
@MainActor func time<T>(_ stage: String, runs: Int = 1, _ body: () throws -> T) rethrows -> T {
    var best = Double.infinity
    var result: T?
    for _ in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try Parallelism.$requested.withValue(threads ?? 0) { try body() }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(stage, String(format: "%.6f", best))
    return result!
}

var arguments = CommandLine.arguments.dropFirst()
@MainActor func option(_ name: String) -> Int? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.endIndex, let value = Int(arguments[i + 1]) else {
        return nil
    }
    arguments.removeSubrange(i...(i + 1))
    return value
}
let threads = option("--threads")
let sources = option("--sources")
let runs = option("--runs") ?? 1
// --per-source K: only the exact Brandes pass of the directed reports from K sampled sources, on one
// thread: milliseconds per source and the dependency sum, as scripts/brandes.c prints them.
let perSource = option("--per-source")
let maps = !arguments.contains("--no-maps")
let pathsOnly = arguments.contains("--paths-only")
// --adaptive E --adaptive-out FILE: only the adaptive betweenness estimate to error E.
let adaptive = arguments.firstIndex(of: "--adaptive").map { Double(arguments[$0 + 1])! }
let adaptiveOut = arguments.firstIndex(of: "--adaptive-out").map { arguments[$0 + 1] }
// --exact-out FILE: only the exact betweenness of both networks, to FILE.
let exactOut = arguments.firstIndex(of: "--exact-out").map { arguments[$0 + 1] }
// --graph-out FILE: only the directed reports, written as scripts/brandes.c reads them.
let graphOut = arguments.firstIndex(of: "--graph-out").map { arguments[$0 + 1] }
for flag in ["--adaptive", "--adaptive-out", "--exact-out", "--graph-out"] {
    if let i = arguments.firstIndex(of: flag) { arguments.removeSubrange(i...(i + 1)) }
}
arguments.removeAll { $0 == "--no-maps" || $0 == "--paths-only" }
guard arguments.count == 1 else {
    let usage =
        "usage: tsunagari-bench DIR [--threads N] [--sources K] [--runs R] [--paths-only] [--no-maps] "
        + "[--adaptive E --adaptive-out FILE] [--exact-out FILE] [--graph-out FILE] [--per-source K]\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let loaded = time("import") { loadNetwork(at: arguments.first!) }
let (network, diagnostics) = (loaded.network, loaded.diagnostics)
guard !diagnostics.hasErrors, let data = network.years.last else {
    FileHandle.standardError.write(Data("the network has errors; run tsunagari check\n".utf8))
    exit(1)
}
let year = time("model") { YearNetwork(data) }
let g = year.worksWith
let sample = sources.map { (sources: $0, seed: UInt64(1)) }
/// Writes `id,betweenness,betweenness_directed` for scripts/sample_accuracy.py.
func writeBetweenness(_ file: String, _ undirected: [Double], _ directed: [Double]) {
    let rows = year.agencies.indices.map {
        "\(year.agencies[$0].id),\(String(format: "%.10f", undirected[$0])),\(String(format: "%.10f", directed[$0]))"
    }
    try! (["id,betweenness,betweenness_directed"] + rows).joined(separator: "\n").write(
        toFile: file, atomically: true, encoding: .utf8)
}
if let error = adaptive {
    // Betweenness by adaptive sampling (KADABRA) to the error asked for, of both networks.
    for (name, graph) in [("adaptive", g), ("adaptive_directed", year.reports)] {
        let estimate = time(name) { BetweennessEstimate(graph, error: error) }
        print(name + "_samples", estimate.samples)
        print(name + "_bound", String(format: "%.4f", estimate.errorBound))
        print(name + "_certain_top10", estimate.certainTop)
    }
    let (a, b) = (BetweennessEstimate(g, error: error), BetweennessEstimate(year.reports, error: error))
    writeBetweenness(adaptiveOut!, a.values, b.values)
    exit(0)
}
if let file = graphOut {
    let r = year.reports
    let lines = (0..<r.nodeCount).map { v in ([r.outDegree(v)] + r.successors(v).map(Int.init)).map(String.init) }
    let text = "\(r.nodeCount) \(r.edgeCount)\n" + lines.map { $0.joined(separator: " ") }.joined(separator: "\n")
    try! (text + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    exit(0)
}
if let k = perSource {
    let n = Double(year.reports.nodeCount)
    var best = Double.infinity, values: [Double] = []
    for _ in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        values = Parallelism.$requested.withValue(1) { betweenness(year.reports, sample: (sources: k, seed: 1)) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    // Normalised values back to the sum of the dependencies over the K sources.
    let sum = values.reduce(0, +) * (n - 1) * (n - 2) * Double(k) / n
    print("brandes_ms_per_source", String(format: "%.3f", 1000 * best / Double(k)))
    print("brandes_dependency_sum", String(format: "%.6e", sum))
    exit(0)
}
if let file = exactOut {
    let undirected = time("betweenness_undirected") { betweenness(g) }
    writeBetweenness(file, undirected, time("betweenness_directed") { betweenness(year.reports) })
    exit(0)
}
_ = time("paths_undirected", runs: runs) { PathMeasures(g, sample: sample) }
_ = time("betweenness_directed", runs: runs) { betweenness(year.reports, sample: sample) }
if pathsOnly { exit(0) }
_ = time("pagerank", runs: runs) { pagerank(g) }
_ = time("eigenvector", runs: runs) { eigenvectorCentrality(g) }
_ = time("core", runs: runs) { coreNumbers(g) }
_ = time("clustering", runs: runs) { clustering(g) }
_ = time("constraint_effective_size", runs: runs) { structuralHoles(g) }
_ = time("components_cut_points", runs: runs) { (components(g), cutPoints(g)) }
_ = time("louvain", runs: runs) { louvainCommunities(g) }
let analysis = time("analysis_all") { Analysis(year, betweennessSample: sources) }
_ = time("gaps") { findGaps(analysis) }
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak_rss_mib", usage.ru_maxrss / 1024)  // Linux reports KiB
guard maps else { exit(0) }

/// Resident set size in KiB (Linux /proc; 0 elsewhere).
func residentKiB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
        let pages = Int(statm.split(separator: " ")[1])
    else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

let small = YearData(
    fiscalYear: data.fiscalYear, folder: data.folder, agencies: Array(data.agencies.prefix(30)),
    reports: data.reports.filter { $0.reporter < 30 && $0.partner < 30 }, referrals: [])
var mapOptions = MapOptions()
mapOptions.sizeBy = .none
let drawing = try MapDrawing(Analysis(YearNetwork(small)), mapOptions)
for _ in 0..<50 { _ = try renderMap(drawing, format: .svg) }  // warm up caches and the font machinery
let before = residentKiB()
_ = try time("render_1000_maps") { for _ in 0..<1000 { _ = try renderMap(drawing, format: .svg) } }
print("render_1000_maps_rss_kib", before, residentKiB())
