import Foundation
@testable import TsunagariKit

/// A network folder in a fresh temporary directory, removed when the value goes away.
final class TempNetwork {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory
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

    func load() -> (network: Network, diagnostics: Diagnostics) { loadNetwork(at: root) }

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
