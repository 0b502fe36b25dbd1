// Excel workbooks (.xlsx: a ZIP of XML parts) as a year's survey file: arbitrary bytes written as
// survey.xlsx beside a fixed agencies.csv and loaded. Must never crash, hang or exhaust memory
// (a "zip bomb" is refused by the size of its parts).
import Foundation
import FuzzSupport
import TsunagariKit

private let folder: String = {
    let path = NSTemporaryDirectory() + "tsunagari-fuzz-workbook-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path + "/2025", withIntermediateDirectories: true)
    try? Data("id,name,field\nA01,窓口,行政・調整\nA02,保健所,保健\nA03,家族会,当事者・家族・民間\n".utf8)
        .write(to: URL(fileURLWithPath: path + "/2025/agencies.csv"))
    return path
}()

func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let target = URL(fileURLWithPath: folder + "/2025/survey.xlsx")
    try? Data(UnsafeBufferPointer(start: data, count: size)).write(to: target)
    let loaded = loadNetwork(at: folder)
    for d in loaded.diagnostics.all { precondition(d.location.line >= 0 && d.location.column >= 0) }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzWorkbook($0, $1) } }
}
