// The whole import of a year folder: the input is split at the byte 0x1E into agencies.csv,
// survey.csv and referrals.csv, written to a scratch folder and loaded. Must never crash.
import Foundation
import FuzzSupport
import TsunagariKit

private let folder: String = {
    let path = NSTemporaryDirectory() + "tsunagari-fuzz-import-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path + "/2025", withIntermediateDirectories: true)
    return path
}()

func fuzzImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0x1E, maxSplits: 2, omittingEmptySubsequences: false)
    for (i, name) in ["agencies.csv", "survey.csv", "referrals.csv"].enumerated() {
        let bytes = i < parts.count ? Data(parts[i]) : Data()
        try? bytes.write(to: URL(fileURLWithPath: folder + "/2025/" + name))
    }
    let (network, diagnostics) = loadNetwork(at: folder)
    if !diagnostics.hasErrors, let year = network.years.first {
        _ = findGaps(Analysis(YearNetwork(year)))
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzImport($0, $1) } }
}
