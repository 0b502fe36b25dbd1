// The whole import of a year folder: the input is split at the byte 0x1E into agencies.csv,
// survey.csv and referrals.csv, written to a scratch folder and loaded. Must never crash; a year
// that loads is analysed and exported, and every export must parse (XML, JSON).
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FuzzSupport
import TsunagariKit

private let folder: String = {
    let path = NSTemporaryDirectory() + "tsunagari-fuzz-import-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path + "/2025", withIntermediateDirectories: true)
    return path
}()

func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(
        separator: 0x1E, maxSplits: 2, omittingEmptySubsequences: false)
    for (i, name) in ["agencies.csv", "survey.csv", "referrals.csv"].enumerated() {
        let bytes = i < parts.count ? Data(parts[i]) : Data()
        try? bytes.write(to: URL(fileURLWithPath: folder + "/2025/" + name))
    }
    let loaded = loadNetwork(at: folder)
    let (network, diagnostics) = (loaded.network, loaded.diagnostics)
    if !diagnostics.hasErrors, let year = network.years.first {
        let analysis = Analysis(YearNetwork(year))
        _ = findGaps(analysis)
        for format in ExportFormat.allCases {
            guard let data = try? analysis.export(format, language: .ja) else { fatalError("export \(format) failed") }
            let parses =
                format == .json ? (try? JSONSerialization.jsonObject(with: data)) != nil : XMLParser(data: data).parse()
            if !parses { fatalError("the \(format) export does not parse") }
        }
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzImport($0, $1) } }
}
