import Foundation
import Testing
@testable import TsunagariKit

/// A network folder in a fresh temporary directory, removed when the value goes away.
final class TempNetwork {
    let root: String

    init() throws {
        root =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("tsunagari-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes UTF-8 text (LF line ends unless the text has others).
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func load() -> (network: Network, diagnostics: Diagnostics) {
        let loaded = loadNetwork(at: root)
        return (loaded.network, loaded.diagnostics)
    }

    /// The diagnostic lines (without hints) in the order `check` prints them, in English.
    func lines(_ language: Language = .en) -> [String] {
        load().diagnostics.sorted.map { $0.line(language) }
    }
}

/// A valid agencies.csv of four agencies in three fields.
let fourAgencies = """
    id,name,short_name,field,public_private,age_min,age_max,aliases
    A01,みどり市ひきこもり相談窓口,相談窓口,行政・調整,公,,,
    A02,みどり地域若者サポートステーション,サポステ,就労,公設民営,15,49,若者サポステ
    A03,みどり保健所,,保健,公,,,
    A04,みどり家族会,,当事者・家族・民間,任意,,,

    """

/// The folder of committed fixture files.
let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path

/// A year built in code: agencies as (id, field, age range), reports as "A>B", hand-offs as (from, to, outcome, tags).
/// `names` gives agencies other names than their IDs; `sectors` their public/private status;
/// `weighted` and `betweennessSample` are passed to `Analysis`.
func year(
    _ agencies: [(String, Field, Int?, Int?)], reports: [String], personDependent: Set<String> = [],
    referrals: [(String, String, Outcome?, [String])] = [], names: [String: String] = [:],
    sectors: [String: PublicPrivate] = [:], weighted: Bool = false, betweennessSample: Int? = nil
) -> Analysis {
    let location = SourceLocation(file: "test", line: 1, column: 1)
    let list = agencies.map {
        Agency(
            id: $0.0, name: names[$0.0] ?? "name of \($0.0)", shortName: names[$0.0] == nil ? $0.0 : nil,
            field: $0.1, publicPrivate: sectors[$0.0], ageMin: $0.2, ageMax: $0.3, aliases: [], location: location)
    }
    let positions = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1.id, $0) })
    let index = { (id: String) in positions[id]! }
    let surveyReports = reports.map { r -> SurveyReport in
        let parts = r.split(separator: ">").map(String.init)
        return SurveyReport(
            reporter: index(parts[0]), partner: index(parts[1]), kinds: TieKinds([.information]), frequency: nil,
            familiarity: 2, personDependent: personDependent.contains(r), trust: nil, note: "", location: location)
    }
    let handOffs = referrals.enumerated().map { i, r in
        Referral(
            caseID: "C\(i)", step: 1, month: nil, from: index(r.0), to: index(r.1), action: "", outcome: r.2,
            ageBand: nil, gaps: r.3, location: location)
    }
    return Analysis(
        YearNetwork(
            YearData(
                fiscalYear: FiscalYear(2025), folder: "2025", agencies: list,
                reports: surveyReports, referrals: handOffs)), weighted: weighted, betweennessSample: betweennessSample)
}

/// Both directions, so ties are confirmed.
func mutual(_ pairs: String...) -> [String] {
    pairs.flatMap { p -> [String] in
        let parts = p.split(separator: "-")
        return ["\(parts[0])>\(parts[1])", "\(parts[1])>\(parts[0])"]
    }
}

/// Compares `text` with the golden file `Fixtures/golden/NAME`; with TSUNAGARI_RECORD_GOLDEN=1
/// in the environment (never on CI) writes it instead, so that a change shows in review as a diff.
func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/golden/\(name)")
    if ProcessInfo.processInfo.environment["TSUNAGARI_RECORD_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(
        text == golden, "\(name) differs from its golden file (TSUNAGARI_RECORD_GOLDEN=1 swift test records it)",
        sourceLocation: sourceLocation)
}

/// The sample network of the repository (SampleData/midori).
let sampleNetwork = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleData/midori").path
