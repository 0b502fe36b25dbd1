import ArgumentParser
import Foundation
import TsunagariKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write blank survey forms for the next fiscal year.",
        discussion: """
            Creates DIR/YEAR/agencies.csv (copied forward from the latest year) and one roster \
            form per agency in DIR/YEAR/forms/: every other agency is a row; the agency fills in \
            the rows of the partners it works with. The forms are Excel workbooks with an instruction \
            sheet and drop-down lists (--format csv for plain CSV). With --agency, writes the form of \
            one agency added to DIR/YEAR/agencies.csv later. Gather the filled forms with \
            `tsunagari collect`.
            """
    )

    @Argument(help: "The network folder.")
    var directory: String

    @Option(help: "The new fiscal year, e.g. 2026, R8 or 令和8年度 (also the folder name).")
    var year: String

    @Option(help: "xlsx (a workbook with instructions and drop-down lists) or csv.")
    var format: FormFormat = .xlsx

    @Flag(help: "Fill each form with the agency's answers of the latest year, to confirm or change.")
    var prefill = false

    @Option(help: "Write only this agency's form (one added to the year's agencies.csv after the forms went out).")
    var agency: String?

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        guard let fiscalYear = FiscalYear(folderName: year) else {
            throw usageError(.notAFiscalYear(year, example: "2026, R8 / 令和8年度"), language)
        }
        let loaded = loadNetwork(at: directory)
        let (network, diagnostics) = (loaded.network, loaded.diagnostics)
        Console.report(diagnostics, language)
        guard let latest = network.years.last, !diagnostics.hasErrors else {
            Console.err(Text.fixErrorsBeforeForms(Console.counts(diagnostics, language))(language))
            throw ExitCode.failure
        }
        if let agency {
            return try writeForm(of: agency, fiscalYear, previous: network.years.last { $0.fiscalYear < fiscalYear })
        }
        guard fiscalYear > latest.fiscalYear else {
            Console.err(Text.giveLaterYear(latest: latest.fiscalYear)(language))
            throw ExitCode.failure
        }
        // Any folder of that year, also one still being collected (which the network leaves out).
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if let clash = folders.sorted().first(where: { FiscalYear(folderName: $0) == fiscalYear }) {
            Console.err(Text.yearFolderExists(fiscalYear, folder: clash)(language))
            throw ExitCode.failure
        }
        let folder = (directory as NSString).appendingPathComponent(year)
        let forms = (folder as NSString).appendingPathComponent("forms")
        if FileManager.default.fileExists(atPath: folder) {
            throw Text.folderExists(folder)
        }
        let template = SurveyTemplate(
            from: latest, fiscalYear: fiscalYear, format: format, prefill: prefill, language: language)
        // The new year's folder appears whole, with every form, or not at all.
        let files =
            [NamedFile(path: "\(year)/agencies.csv", data: template.agencies)]
            + template.forms.map { NamedFile(path: "\(year)/forms/" + $0.path, data: $0.data) }
        try replaceAsWhole(files, in: directory, mode: 0o644)
        Console.out(
            Text.wroteTemplate(folder: folder, from: latest.fiscalYear, forms: template.forms.count, in: forms)(
                language))
    }

    /// The form of one agency of a year whose forms went out already.
    private func writeForm(of agency: String, _ fiscalYear: FiscalYear, previous: YearData?) throws {
        let language = options.language
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard let name = folders.sorted().first(where: { FiscalYear(folderName: $0) == fiscalYear }) else {
            Console.err(Text.noYearFolder(fiscalYear, in: directory)(language))
            throw ExitCode.failure
        }
        let folder = (directory as NSString).appendingPathComponent(name)
        let made = SurveyTemplate.form(
            for: agency, yearFolder: folder, fiscalYear: fiscalYear, previous: prefill ? previous : nil,
            format: format, language: language)
        Console.report(made.diagnostics, language)
        guard let form = made.file else {
            if !made.known { Console.err(Text.agencyNotInYear(agency, folder: folder)(language)) }
            throw ExitCode.failure
        }
        let forms = (folder as NSString).appendingPathComponent("forms")
        let path = (forms as NSString).appendingPathComponent(form.path)
        if FileManager.default.fileExists(atPath: path) {
            Console.err(Text.formExists(path)(language))
            throw ExitCode.failure
        }
        try makeFolders(forms)
        try writeAtomically(form.data, to: path)
        Console.out(Text.wroteLateForm(path)(language))
    }
}

extension FormFormat: ExpressibleByArgument {}
