import Foundation

/// Reads `settings.csv` (docs/FORMATS.md §12): one setting per row, every problem reported.
/// A setting that cannot be read keeps its default.
func readSettings(_ path: String, diagnostics: inout Diagnostics) -> NetworkSettings {
    typealias C = Schema.Settings
    var settings = NetworkSettings()
    guard let table = CSVTable.read(path, schema: Schema.settings, diagnostics: &diagnostics) else { return settings }
    func word<V: Vocabulary>(_ record: CSVRow, _ column: Column) -> V? {
        guard let written = table.value(record, column) else {
            diagnostics.error(table.location(record, column), .emptyRequired(column))
            return nil
        }
        if let word = V(cell: written) { return word }
        diagnostics.error(
            table.location(record, column), .notAccepted(column, written, ja: V.list(.ja), en: V.list(.en)))
        return nil
    }
    for record in table.records {
        guard let key: SettingKey = word(record, C.setting) else { continue }
        guard let first = table.value(record, C.first) else {
            diagnostics.error(table.location(record, C.first), .emptyRequired(C.first))
            continue
        }
        switch key {
        case .title:
            settings.title = first
        case .threshold:
            if let n = Int(cleanCell(first)), n >= 3 {
                settings.threshold = n
            } else {
                diagnostics.error(table.location(record, C.first), .thresholdTooSmall(first))
            }
        case .core, .common, .notExpected:
            guard let a: Field = word(record, C.first), let b: Field = word(record, C.second) else { continue }
            let importance: PathwayImportance = key == .core ? .core : key == .common ? .common : .notExpected
            settings.fieldPathways[[a, b]] = importance
        case .mustHave:
            guard let second = table.value(record, C.second) else {
                diagnostics.error(table.location(record, C.second), .emptyRequired(C.second))
                continue
            }
            // Two type words are a type pathway; anything else names two agencies.
            if let a = AgencyType(cell: first), let b = AgencyType(cell: second) {
                settings.typePathways.append(TypePathway(from: a, to: [b], reason: .planner))
            } else {
                settings.requiredTies.append(
                    RequiredTie(a: first, b: second, location: table.location(record, C.first)))
            }
        }
    }
    return settings
}

extension Wording {
    static func thresholdTooSmall(_ written: String) -> Wording {
        Wording(
            Text(
                ja: "少数の基準「\(written)」は使えません。3以上の整数にしてください",
                en: "the threshold '\(written)' cannot be used: it must be a whole number of at least 3"),
            hint: Text(
                ja: "事例の件数がこの数より少ないときは件数を示しません。小さくすると個人が特定されるおそれがあります",
                en: "case counts below it are hidden; a smaller one could let a person be recognised"))
    }

    static func requiredTieUnknown(_ name: String) -> Wording {
        Wording(
            Text(
                ja: "必要なつながりの「\(name)」は、最新の年度の agencies.csv にありません",
                en: "'\(name)' of a required tie is not in the latest year's agencies.csv"),
            hint: Text(
                ja: "機関IDか機関名で書くか、種別どうしなら両方を種別の語で書いてください",
                en: "write an agency ID or name, or two type words for a pathway between types"))
    }
}
