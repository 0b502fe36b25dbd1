import Foundation
import TsunagariKit

/// Printing for the commands: results to standard output, diagnostics to standard error.
/// A failed write to standard output (a full disk, a closed pipe) is remembered and reported
/// once at the end as an error with exit status 1 (`finish`), never a crash or a silent loss.
enum Console {
    /// The error number of the first failed write to standard output, 0 while none failed.
    private static let outputFailure = Locked<Int32>(0)

    /// One line of results.
    static func out(_ line: String) {
        write(Data((line + "\n").utf8))
    }

    /// Results as they are (no line end added).
    static func write(_ data: Data) {
        outputFailure.withLock { failure in
            guard failure == 0 else { return }
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                    offset += n
                }
            }
        }
    }

    static func write(_ text: String) { write(Data(text.utf8)) }

    /// Throws when a write to standard output failed during the run.
    static func finish() throws {
        let code = outputFailure.withLock { $0 }
        guard code == 0 else {
            let reason = systemReason(code)
            throw OutputError(message: Text(ja: "標準出力に書き込めませんでした (\(reason.ja))。結果は失われました",
                                            en: "could not write to standard output (\(reason.en)); the results are lost"),
                              hint: Text(ja: "-o でファイルに書くか、出力先の空き容量を確かめてください",
                                         en: "write to a file with -o, or check the free space where the output goes"))
        }
    }

    static func err(_ line: String) {
        let data = Data((line + "\n").utf8)
        data.withUnsafeBytes { _ = Foundation.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }

    /// An error of a command, in plain words with what to do.
    static func error(_ message: Text, hint: Text?, _ language: Language) {
        err((language == .ja ? "エラー: " : "error: ") + message(language))
        if let hint { err("    " + hint(language)) }
    }

    /// How many errors, and how many warnings, are printed for one file; the rest are counted.
    static let diagnosticsPerFile = 100

    /// Prints the diagnostics, sorted: for each file the first `diagnosticsPerFile` errors and
    /// warnings, then a line with how many more there are (a file of 50,000 misspelt names prints
    /// a screenful, not 50,000 lines).
    static func report(_ diagnostics: Diagnostics, _ language: Language) {
        var shown: [String: [Diagnostic.Severity: Int]] = [:], order: [String] = []
        for d in diagnostics.sorted {
            let file = d.location.file
            if shown[file] == nil { order.append(file) }
            let n = shown[file, default: [:]][d.severity, default: 0]
            shown[file, default: [:]][d.severity] = n + 1
            if n < diagnosticsPerFile { err(d.formatted(language)) }
        }
        for file in order {
            let more = shown[file]!.mapValues { max(0, $0 - diagnosticsPerFile) }
            let (e, w) = (more[.error] ?? 0, more[.warning] ?? 0)
            guard e + w > 0 else { continue }
            err(language == .ja
                ? "\(visible(file)): ほかに エラー \(e)件、警告 \(w)件 (それぞれ最初の\(diagnosticsPerFile)件だけ表示しました)"
                : "\(visible(file)): \(e) more errors and \(w) more warnings (the first \(diagnosticsPerFile) of each are shown)")
        }
    }

    static func counts(_ diagnostics: Diagnostics, _ language: Language) -> String {
        let (e, w) = (diagnostics.errorCount, diagnostics.warningCount)
        return language == .ja
            ? "エラー \(e)件、警告 \(w)件"
            : "\(count(e, "error")), \(count(w, "warning"))"
    }

    /// "1 report", "2 reports".
    private static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// The lines `check` prints for one year; case counts shown by `counts`.
    static func summary(_ year: YearData, _ language: Language, counts: CaseCountRule = CaseCountRule()) -> [String] {
        let s = YearSummary(year)
        let (cases, handOffs) = (counts.cell(s.cases), counts.cell(s.handOffs))
        let label = year.fiscalYear.label(language)
        let title = year.folder == label || year.folder == String(year.fiscalYear.year) && language == .en
            ? label : "\(label) (\(year.folder))"
        var lines: [String]
        switch language {
        case .ja:
            lines = ["\(title): 機関 \(s.agencies)、回答 \(s.reports)件"
                     + " (相互に確認された連携 \(s.confirmedTies)組、一方向の連携 \(s.oneSidedTies)組)、"
                     + "事例 \(cases.text.ja) (つなぎ \(handOffs.text.ja))"]
        case .en:
            lines = ["\(title): \(count(s.agencies, "agency", "agencies")), \(count(s.reports, "report"))"
                     + " (\(count(s.confirmedTies, "confirmed tie")), \(s.oneSidedTies) one-sided), "
                     + "\(cases.text.en) \(cases == .exact(1) ? "case" : "cases") (\(handOffs.text.en) \(handOffs == .exact(1) ? "hand-off" : "hand-offs"))"]
        }
        if !s.nonResponding.isEmpty {
            // A large network lists the first few; `analyze --format csv` has every agency's "responded".
            let shown = 30
            let names = s.nonResponding.prefix(shown).map { "\(year.agencies[$0].id) \(year.agencies[$0].displayName)" }
            let more = s.nonResponding.count - names.count
            lines.append(language == .ja
                ? "  未回答の機関 \(s.nonResponding.count): " + names.joined(separator: "、") + (more > 0 ? "、ほか\(more)機関" : "")
                : "  did not answer (\(s.nonResponding.count)): " + names.joined(separator: ", ") + (more > 0 ? ", and \(more) more" : ""))
        }
        return lines
    }
}
