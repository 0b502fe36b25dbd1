import Foundation

/// A network folder as read: the years that could be read, and every problem found.
public struct LoadedNetwork: Sendable {
    public var network: Network
    public var diagnostics: Diagnostics
}

/// Reads a network folder: one sub-folder per fiscal year (`2025`, `R7` or `令和7年度`).
///
/// Returns the years that could be read and every diagnostic. Callers that need clean data
/// check `diagnostics.hasErrors` first: a year with errors is loaded as far as it goes so that
/// all problems surface in one run, but its contents are not to be analysed.
public func loadNetwork(at directory: String) -> LoadedNetwork {
    var diagnostics = Diagnostics()
    let name = (directory as NSString).lastPathComponent
    var isDirectory: ObjCBool = false
    let top = SourceLocation(file: directory, line: 0, column: 0)
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        diagnostics.error(top, .noSuchFolder)
        return LoadedNetwork(network: Network(name: name, years: []), diagnostics: diagnostics)
    }
    guard access(directory, R_OK | X_OK) == 0 else {
        let reason = systemReason(errno)
        diagnostics.error(top, .folderUnreadable(nil, reason))
        return LoadedNetwork(network: Network(name: name, years: []), diagnostics: diagnostics)
    }
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    let settingsPath = (directory as NSString).appendingPathComponent(Schema.settings.fileName)
    let settings =
        FileManager.default.fileExists(atPath: settingsPath)
        ? readSettings(settingsPath, diagnostics: &diagnostics) : NetworkSettings()
    var found: [FiscalYear: String] = [:]
    for entry in entries where !entry.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(entry)
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            continue
        }
        guard let year = FiscalYear(folderName: entry) else {
            diagnostics.warning(SourceLocation(file: path, line: 0, column: 0), .notAYearFolder)
            continue
        }
        if let other = found[year] {
            diagnostics.error(SourceLocation(file: path, line: 0, column: 0), .yearTwice(year, other, entry))
            continue
        }
        found[year] = entry
    }
    if found.isEmpty {
        diagnostics.error(top, .noYearFolders)
    }
    var years: [YearData] = []
    for (year, entry) in found.sorted(by: { $0.key < $1.key }) {
        var loader = YearLoader(folder: (directory as NSString).appendingPathComponent(entry), fiscalYear: year)
        if let data = loader.load() { years.append(data) }
        diagnostics.append(contentsOf: loader.diagnostics)
    }
    for (y, year) in years.enumerated() {
        plausibilityWarnings(year, previous: y > 0 ? years[y - 1] : nil, into: &diagnostics)
    }
    if let latest = years.last {
        for tie in settings.requiredTies {
            for name in [tie.a, tie.b] where latest.agency(named: name) == nil {
                diagnostics.warning(tie.location, .requiredTieUnknown(name))
            }
        }
    }
    return LoadedNetwork(network: Network(name: name, years: years, settings: settings), diagnostics: diagnostics)
}

// MARK: - Wording

extension Wording {
    static let noSuchFolder = Wording(
        Text(ja: "フォルダがありません", en: "no such folder"),
        hint: Text(
            ja: "ネットワークのフォルダ (年度ごとのフォルダを含むもの) を指定してください",
            en: "give the network folder, the one that holds a folder per fiscal year"))

    static let notAYearFolder = Wording(
        Text(ja: "年度として読めないフォルダなので読み飛ばしました", en: "not a fiscal-year folder; skipped"),
        hint: Text(
            ja: "年度のフォルダなら 2025、R7、令和7年度 のように名前を付けてください",
            en: "name fiscal-year folders like 2025, R7 or 令和7年度"))

    static func yearTwice(_ year: FiscalYear, _ one: String, _ other: String) -> Wording {
        Wording(
            Text(
                ja: "\(year.japanese)のフォルダが2つあります (\(one) と \(other))",
                en: "two folders for \(year): \(one) and \(other)"),
            hint: Text(ja: "どちらか1つにまとめてください", en: "merge them into one folder"))
    }

    static let noYearFolders = Wording(
        Text(ja: "年度のフォルダが見つかりません", en: "no fiscal-year folders found"),
        hint: Text(
            ja: "年度ごとに 2025、R7、令和7年度 のような名前のフォルダを作り、agencies.csv と survey.csv を置いてください",
            en: "make one folder per fiscal year, named like 2025, R7 or 令和7年度, holding agencies.csv and survey.csv"))
}
