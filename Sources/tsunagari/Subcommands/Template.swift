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
            throw ValidationError("'\(year)' is not a fiscal year; write it like 2026, R8 or 令和8年度")
        }
        let (network, diagnostics) = loadNetwork(at: directory)
        Console.report(diagnostics, language)
        guard let latest = network.years.last, !diagnostics.hasErrors else {
            Console.err(language == .ja
                ? "エラーを直してから様式を作ってください (\(Console.counts(diagnostics, language)))"
                : "fix the errors before writing forms (\(Console.counts(diagnostics, language)))")
            throw ExitCode.failure
        }
        guard fiscalYear > latest.fiscalYear else {
            Console.err(language == .ja
                ? "新しい年度を指定してください (最新は\(latest.fiscalYear.japanese))"
                : "give a year after the latest one on file (\(latest.fiscalYear))")
            throw ExitCode.failure
        }
        if let clash = network.years.first(where: { $0.fiscalYear == fiscalYear }) {
            Console.err(language == .ja
                ? "\(fiscalYear.japanese)のフォルダ \(clash.folder) はもうあります。上書きはしません"
                : "\(fiscalYear) already has the folder \(clash.folder); nothing was overwritten")
            throw ExitCode.failure
        }
        let folder = (directory as NSString).appendingPathComponent(year)
        let forms = (folder as NSString).appendingPathComponent("forms")
        if FileManager.default.fileExists(atPath: folder) {
            throw OutputError(message: Text(ja: "\(folder) はもうあります。上書きはしません", en: "\(folder) already exists; nothing was overwritten"),
                              hint: Text(ja: "中身を確かめ、不要なら削除してからもう一度実行してください", en: "look at what it holds; remove it if it is not needed, and run again"))
        }
        let template = SurveyTemplate(from: latest, language: language)
        // The new year's folder appears whole, with every form, or not at all.
        try replaceAsWhole([("\(year)/agencies.csv", template.agencies)] + template.forms.map { ("\(year)/forms/" + $0.name, $0.data) },
                           in: directory, mode: 0o644)
        Console.out(language == .ja
            ? "\(folder)/agencies.csv (\(latest.fiscalYear.japanese)から引き継ぎ) と回答様式 \(template.forms.count)件を \(forms) に書きました"
            : "wrote \(folder)/agencies.csv (copied from \(latest.fiscalYear)) and \(template.forms.count) forms in \(forms)")
    }
}
