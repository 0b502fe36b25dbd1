// DOT generation and Graphviz parsing: the input, as text, names three agencies (split at line
// breaks); the map's DOT is generated and parsed and laid out by Graphviz. Must never crash, and
// Graphviz must always accept the DOT we write.
import Foundation
import FuzzSupport
import TsunagariKit
import TsunagariMaps

func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 4096)), as: UTF8.self)
    var names = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    while names.count < 3 { names.append("x") }
    let location = SourceLocation(file: "fuzz", line: 1, column: 1)
    let agencies = names.enumerated().map { i, name in
        Agency(
            id: "F\(i)", name: name.isEmpty ? "-" : name, shortName: nil, field: Field.allCases[i], publicPrivate: nil,
            ageMin: nil, ageMax: nil, aliases: [], location: location)
    }
    let reports = [(0, 1), (1, 2)].map {
        SurveyReport(
            reporter: $0.0, partner: $0.1, kinds: [], frequency: nil, familiarity: 1, personDependent: nil,
            trust: nil, note: "", location: location)
    }
    let year = YearData(
        fiscalYear: FiscalYear(2025), folder: "2025", agencies: agencies, reports: reports, referrals: [])
    guard let drawing = try? MapDrawing(Analysis(YearNetwork(year)), MapOptions()) else { return 0 }
    do {
        _ = try graphvizRender(drawing.structure.text, engine: "neato", format: "plain")
    } catch {
        fatalError("Graphviz rejected generated DOT: \(error)")
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzDOT($0, $1) } }
}
