// Times each stage of the analysis on one network folder, for `make bench`.
// Usage: tsunagari-bench DIR   (the latest year is used)
// Prints one line per stage: "<stage> <seconds>". Uses all cores.
import Foundation
import TsunagariKit

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
