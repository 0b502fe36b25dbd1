// The survey round: the input is split at the byte 0x1E into agencies.csv and one returned form.
// From a year that loads, `template`'s forms are made (their file names must be safe, bounded and
// unique; a workbook form, whatever the names hold, must read back as untouched), the returned form
// is collected, and what collect writes must load again without an error. Must never crash.
import Foundation
import FuzzSupport
import TsunagariKit

private let folder: String = {
    let path = NSTemporaryDirectory() + "tsunagari-fuzz-forms-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path + "/2025", withIntermediateDirectories: true)
    try? FileManager.default.createDirectory(atPath: path + "/forms", withIntermediateDirectories: true)
    return path
}()

func fuzzForms(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(
        separator: 0x1E, maxSplits: 1, omittingEmptySubsequences: false)
    let agencies = parts.first.map { Data($0) } ?? Data(), form = parts.count > 1 ? Data(parts[1]) : Data()
    try? agencies.write(to: URL(fileURLWithPath: folder + "/2025/agencies.csv"))
    try? Data("reporter,partner\n".utf8).write(to: URL(fileURLWithPath: folder + "/2025/survey.csv"))
    let loaded = loadNetwork(at: folder)
    let (network, diagnostics) = (loaded.network, loaded.diagnostics)
    guard !diagnostics.hasErrors, let year = network.years.first else { return 0 }

    let template = SurveyTemplate(
        from: year, fiscalYear: FiscalYear(2026), format: .xlsx, prefill: false, language: .ja)
    let names = template.forms.map(\.path)
    for name in names where name.contains("/") || name.hasPrefix(".") || name.utf8.count > 200 || name.contains("\0") {
        fatalError("unsafe form file name: \(name.debugDescription)")
    }
    if Set(names.map { $0.lowercased() }).count != names.count { fatalError("two forms share a file name") }

    if year.agencies.count >= 2, let first = template.forms.first {
        let path = folder + "/forms/" + first.path
        try? first.data.write(to: URL(fileURLWithPath: path))
        let back = collectForms(
            [path], yearFolder: folder + "/2025", fiscalYear: FiscalYear(2025), previous: nil, language: .ja)
        if back.untouched != [path] { fatalError("a workbook form does not read back as written: \(first.path)") }
        try? FileManager.default.removeItem(atPath: path)
    }

    try? form.write(to: URL(fileURLWithPath: folder + "/forms/form.csv"))
    let survey = collectForms(
        [folder + "/forms/form.csv"], yearFolder: folder + "/2025", fiscalYear: FiscalYear(2025), previous: nil,
        language: .ja
    ).survey
    guard let survey else { return 0 }
    try? survey.write(to: URL(fileURLWithPath: folder + "/2025/survey.csv"))
    let reloaded = loadNetwork(at: folder).diagnostics
    if reloaded.hasErrors {
        fatalError("collect wrote a survey.csv that does not load: \(reloaded.all.map { $0.line(.en) })")
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzForms($0, $1) } }
}
