import ArgumentParser
import Foundation
import TsunagariKit

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge filled-in survey forms into a year's survey.csv.",
        discussion: """
            Reads every form in FORMS_DIR (.csv, .xlsx, or Excel's Unicode text .txt), keeps the rows \
            with an answer, checks them like survey.csv and writes YEAR_DIR/survey.csv from every \
            clean form; a form with errors contributes nothing and is listed (exit status 1). Then \
            prints where each agency stands: answered, answered with no partners, not returned, or \
            with errors (--format json for scripts, --format reminders for a list to print of the \
            agencies still to chase). Profiles answered on the workbooks' profile sheet are written \
            into YEAR_DIR/agencies.csv (its other cells kept).
            """
    )

    @Argument(help: "The folder of filled-in forms.")
    var formsDirectory: String

    @Option(name: .customLong("into"), help: "The year folder that holds agencies.csv, e.g. midori/2026.")
    var yearFolder: String

    @Flag(help: "Replace an existing survey.csv.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "How the tracker is printed: table, json (only the tracker on standard output) or reminders (a list "
                + "to print of the agencies to ask again)."))
    var format: TrackerFormat = .table

    enum TrackerFormat: String, ExpressibleByArgument { case table, json, reminders }

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let folderName = (yearFolder as NSString).lastPathComponent
        guard let fiscalYear = FiscalYear(folderName: folderName) else {
            throw usageError(.notAYearFolder(folderName), language)
        }
        let target = (yearFolder as NSString).appendingPathComponent("survey.csv")
        if FileManager.default.fileExists(atPath: target) && !force {
            Console.err(Text.surveyExists(target)(language))
            throw ExitCode.failure
        }
        let all = ((try? FileManager.default.contentsOfDirectory(atPath: formsDirectory)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }.sorted()  // ~$: Excel's lock files
        let readable = ["csv", "xlsx", "txt"]
        let names = all.filter { readable.contains(($0 as NSString).pathExtension.lowercased()) }
        for other in all where !names.contains(other) {
            Console.err(Text.notAForm((formsDirectory as NSString).appendingPathComponent(other))(language))
        }
        guard !names.isEmpty else {
            Console.err(Text.noForms(in: formsDirectory)(language))
            throw ExitCode.failure
        }
        let paths = names.map { (formsDirectory as NSString).appendingPathComponent($0) }
        // The year before, for the plausibility checks and to recognise a prefilled form sent back unchanged.
        let previous = loadNetwork(at: (yearFolder as NSString).deletingLastPathComponent).network.years
            .last { $0.fiscalYear < fiscalYear }
        let collected = collectForms(
            paths, yearFolder: yearFolder, fiscalYear: fiscalYear, previous: previous, language: language)
        let diagnostics = collected.diagnostics
        Console.report(diagnostics, language)
        guard let survey = collected.survey, let year = collected.year else {
            Console.out(Console.counts(diagnostics, language))
            throw ExitCode.failure
        }
        // The clean forms are merged even when others have errors: an interim picture while the
        // rest are chased; run again after fixing them.
        try writeAtomically(survey, to: target)
        // Profiles answered on the workbook forms go into the year's agencies.csv.
        if !collected.profiles.isEmpty {
            if let agencies = agenciesWithProfiles(yearFolder, collected.profiles) {
                try writeAtomically(agencies, to: (yearFolder as NSString).appendingPathComponent("agencies.csv"))
                Console.err(Text.wroteProfiles(collected.profiles.count)(language))
            } else {
                Console.err(Text.profilesNotWritten(collected.profiles.keys.sorted())(language))
            }
        }
        switch format {
        case .json:
            Console.out(String(decoding: try trackerJSON(collected, language), as: UTF8.self))
        case .reminders:
            Console.out(reminders(collected, fiscalYear, language))
        case .table:
            Console.out(
                Text.wroteSurvey(target, forms: paths.count - collected.rejected.count - collected.untouched.count)(
                    language))
            for line in Console.summary(year, language, types: true) { Console.out(line) }
            Console.out(trackerTable(collected.tracker, language))
            if !collected.rejected.isEmpty {
                Console.out(Text.formsLeftOut(collected.rejected.map { ($0 as NSString).lastPathComponent })(language))
            }
            Console.out(Console.counts(diagnostics, language))
        }
        if !collected.rejected.isEmpty { throw ExitCode.failure }
    }
}

extension Collect {
    /// The tracker as a table: one row per agency, by ID.
    func trackerTable(_ tracker: [FormStatus], _ language: Language) -> String {
        var rows = [Text.trackerColumns.map { $0(language) }]
        for t in tracker {
            rows.append([
                t.id, t.name, Text.formStatus(t.status)(language),
                t.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "),
            ])
        }
        return Table.render(rows, rightAligned: [])
    }

    /// The agencies to ask again, to print: those whose form is not back or has errors (with its
    /// first problem), each with a box to tick.
    func reminders(_ collected: CollectedForms, _ fiscalYear: FiscalYear, _ language: Language) -> String {
        let diagnostics = collected.diagnostics.sorted
        let waiting = collected.tracker.filter { $0.status == .notReturned || $0.status == .hasErrors }
        var lines = [Text.remindersHeading(fiscalYear, waiting.count, of: collected.tracker.count)(language), ""]
        for t in waiting {
            lines.append("□ \(t.id)  \(t.name)  \(Text.formStatus(t.status)(language))")
            if let problem = diagnostics.first(where: { $0.severity == .error && t.files.contains($0.location.file) }) {
                lines.append("    " + visible(problem.message(language), limit: 300))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The tracker as JSON (a stable shape for scripts): `{"agencies": [{"id", "name", "status",
    /// "files", "problems", "warnings"}], "rows_written": N}`, problems and warnings as printed.
    func trackerJSON(_ collected: CollectedForms, _ language: Language) throws -> Data {
        struct Agency: Encodable {
            var id: String, name: String, status: FormStatus.Status, files: [String], problems: [String],
                warnings: [String]
        }
        struct Document: Encodable { var agencies: [Agency], rowsWritten: Int }
        let diagnostics = collected.diagnostics.sorted
        func lines(_ files: [String], _ severity: Diagnostic.Severity) -> [String] {
            diagnostics.filter { $0.severity == severity && files.contains($0.location.file) }.map { $0.line(language) }
        }
        let rows = (collected.year?.reports.count ?? 0) + (collected.year?.answeredWithoutPartners.count ?? 0)
        return try encodeJSON(
            Document(
                agencies: collected.tracker.map {
                    Agency(
                        id: $0.id, name: $0.name, status: $0.status, files: $0.files, problems: lines($0.files, .error),
                        warnings: lines($0.files, .warning))
                }, rowsWritten: rows))
    }
}
