import ArgumentParser
import Foundation
import TsunagariKit

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write blank survey forms for the next fiscal year.",
        discussion: """
            Creates DIR/YEAR/agencies.csv (copied forward from the latest year) and one roster \
            form per agency in DIR/YEAR/forms/: every other agency is a row; the agency fills in \
            the rows of the partners it works with. Gather the filled forms with `tsunagari collect`.
            """
    )

    @Argument(help: "The network folder.")
    var directory: String

    @Option(help: "The new fiscal year, e.g. 2026, R8 or 令和8年度 (also the folder name).")
    var year: String

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
        let template = SurveyTemplate(from: latest, language: language)
        // The new year's folder appears whole, with every form, or not at all.
        let files =
            [NamedFile(path: "\(year)/agencies.csv", data: template.agencies)]
            + template.forms.map { NamedFile(path: "\(year)/forms/" + $0.path, data: $0.data) }
        try replaceAsWhole(files, in: directory, mode: 0o644)
        Console.out(
            Text.wroteTemplate(folder: folder, from: latest.fiscalYear, forms: template.forms.count, in: forms)(
                language))
    }
}
