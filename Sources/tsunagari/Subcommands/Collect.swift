import ArgumentParser
import Foundation
import TsunagariKit

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge filled-in survey forms into a year's survey.csv.",
        discussion: """
            Reads every .csv in FORMS_DIR, keeps the rows with an answer (a row left blank, or \
            with familiarity 0 alone, names no partner), checks them like survey.csv and writes \
            YEAR_DIR/survey.csv. Nothing is written when there is an error.
            """
    )

    @Argument(help: "The folder of filled-in forms.")
    var formsDirectory: String

    @Option(name: .customLong("into"), help: "The year folder that holds agencies.csv, e.g. midori/2026.")
    var yearFolder: String

    @Flag(help: "Replace an existing survey.csv.")
    var force = false

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
        let collected = collectForms(paths, yearFolder: yearFolder, fiscalYear: fiscalYear, language: language)
        let diagnostics = collected.diagnostics
        Console.report(diagnostics, language)
        guard let survey = collected.survey, let year = collected.year else {
            Console.out(Console.counts(diagnostics, language))
            throw ExitCode.failure
        }
        // The clean forms are merged even when others have errors: an interim picture while the
        // rest are chased; run again after fixing them.
        try writeAtomically(survey, to: target)
        Console.out(Text.wroteSurvey(target, forms: paths.count - collected.rejected.count)(language))
        for line in Console.summary(year, language, types: true) { Console.out(line) }
        if !collected.rejected.isEmpty {
            Console.out(Text.formsLeftOut(collected.rejected.map { ($0 as NSString).lastPathComponent })(language))
        }
        Console.out(Console.counts(diagnostics, language))
        if !collected.rejected.isEmpty { throw ExitCode.failure }
    }
}
