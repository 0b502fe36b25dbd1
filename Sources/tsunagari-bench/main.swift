// Times each stage of the analysis on one network folder, for `make bench`.
// Usage: tsunagari-bench DIR   (the latest year is used)
// Prints one line per stage: "<stage> <seconds>". Uses all cores. Ends with the memory check of
// the map renderer: resident memory before and after rendering a small map 1,000 times.
import Foundation
import TsunagariKit
import TsunagariMaps

func time<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(stage, String(format: "%.4f", seconds))
    return result
}

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: tsunagari-bench DIR\n".utf8))
    exit(2)
}
let (network, diagnostics) = time("import") { loadNetwork(at: CommandLine.arguments[1]) }
guard !diagnostics.hasErrors, let data = network.years.last else {
    FileHandle.standardError.write(Data("the network has errors; run tsunagari check\n".utf8))
    exit(1)
}
let year = time("model") { YearNetwork(data) }
let g = year.worksWith
_ = time("betweenness_undirected") { betweenness(g) }
_ = time("betweenness_directed") { betweenness(year.reports) }
_ = time("closeness_harmonic") { closenessAndHarmonic(g) }
_ = time("pagerank") { pagerank(g) }
_ = time("eigenvector") { eigenvectorCentrality(g) }
_ = time("core") { coreNumbers(g) }
_ = time("clustering") { clustering(g) }
_ = time("constraint_effective_size") { structuralHoles(g) }
_ = time("components_cut_points") { (components(g), cutPoints(g)) }
_ = time("louvain") { louvainCommunities(g) }
let analysis = time("analysis_all") { Analysis(year) }
_ = time("gaps") { findGaps(analysis) }

/// Resident set size in KiB (Linux /proc; 0 elsewhere).
func residentKiB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = Int(statm.split(separator: " ")[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

let small = YearData(fiscalYear: data.fiscalYear, folder: data.folder, agencies: Array(data.agencies.prefix(30)),
                     reports: data.reports.filter { $0.reporter < 30 && $0.partner < 30 }, referrals: [])
var mapOptions = MapOptions()
mapOptions.sizeBy = .none
let drawing = try MapDrawing(Analysis(YearNetwork(small)), mapOptions)
for _ in 0..<50 { _ = try renderMap(drawing, format: .svg) }  // warm up caches and the font machinery
let before = residentKiB()
_ = try time("render_1000_maps") { for _ in 0..<1000 { _ = try renderMap(drawing, format: .svg) } }
print("render_1000_maps_rss_kib", before, residentKiB())
