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
            throw Text.standardOutputFailed(systemReason(code))
        }
    }

    static func err(_ line: String) {
        let data = Data((line + "\n").utf8)
        data.withUnsafeBytes { _ = Foundation.write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }

    /// An error of a command, in plain words with what to do.
    static func error(_ message: Text, hint: Text?, _ language: Language) {
        err(Text.errorPrefix(language) + message(language))
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
            err(Text.moreDiagnostics(file: visible(file), errors: e, warnings: w, shown: diagnosticsPerFile)(language))
        }
    }

    static func counts(_ diagnostics: Diagnostics, _ language: Language) -> String {
        Text.diagnosticCounts(errors: diagnostics.errorCount, warnings: diagnostics.warningCount)(language)
    }

    /// The lines `check` prints for one year; case counts shown by `counts`.
    /// `types`: also the agency types read from the names (for the latest year).
    static func summary(
        _ year: YearData, _ language: Language, counts: CaseCountRule = CaseCountRule(), types: Bool = false
    ) -> [String] {
        let s = YearSummary(year)
        let (cases, handOffs) = (counts.cell(s.cases), counts.cell(s.handOffs))
        let label = year.fiscalYear.label(language)
        let title =
            year.folder == label || year.folder == String(year.fiscalYear.year) && language == .en
            ? label : "\(label) (\(year.folder))"
        var lines = [Text.yearSummary(title: title, s, cases: cases, handOffs: handOffs)(language)]
        if !s.nonResponding.isEmpty {
            // A large network lists the first few; `analyze --format csv` has every agency's "responded".
            let shown = 30
            let names = s.nonResponding.prefix(shown).map { "\(year.agencies[$0].id) \(year.agencies[$0].displayName)" }
            let more = s.nonResponding.count - names.count
            lines.append(Text.nonResponding(s.nonResponding.count, names: names, more: more)(language))
        }
        // Types read from the names, for the planner to confirm (or correct in the type column).
        let inferred = year.agencies.filter(\.typeInferred)
        if types && !inferred.isEmpty {
            let shown = 30
            let names = inferred.prefix(shown).map { "\($0.id) \($0.displayName) → \($0.type!.label(language))" }
            lines.append(Text.inferredTypes(inferred.count, names: names, more: inferred.count - names.count)(language))
        }
        return lines
    }
}
