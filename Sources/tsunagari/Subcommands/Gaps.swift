import ArgumentParser
import Foundation
import TsunagariKit

struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What a planner should look at, one item per problem, the gravest consequence first.",
        discussion: """
            Agencies cut off or that would be, missing support pathways (between fields and between agency \
            types, as docs/DOMAIN.md §10 and settings.csv set them), age cliffs, repeated failed hand-offs, \
            the only tie of a pathway resting on one person, then the rest and suggested connections. \
            Counts of 1 or 2 cases are shown as fewer than 3 (or below the threshold of settings.csv), and \
            totals beside them as at least N, unless --internal is given.
            """
    )

    @OptionGroup var input: YearOptions

    @Option(help: "Output format: table, csv, json or xlsx.")
    var format: OutputFormat = .table

    @OptionGroup var result: ResultOutput

    @Flag(help: "Show exact case counts (for the health centre's own use, not for meetings).")
    var `internal` = false

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        try result.check(binary: format == .xlsx, language)
        let progress = try input.runOptions.start(language)
        defer { progress.finish() }
        let network = try input.load(language, progress)
        var gapOptions = GapOptions()
        gapOptions.counts = network.data.settings.counts(exact: `internal`)
        // No finding rests on a path measure: none is computed (the slow part at national scale).
        let analysis = Analysis(network, pathMeasures: false, progress: progress.handler)
        let findings = progress.run(.gaps) { findGaps(analysis, options: gapOptions) }
        progress.finish()
        let input = input.directory
        switch format {
        case .csv: try result.emit(excelCSV(findingsTable(findings, language)), input: input, language)
        case .json: try result.emit(try encodeJSON(findings) + Data("\n".utf8), input: input, language)
        case .table:
            // A health centre's area: each municipality's main findings in its own network.
            let byArea =
                self.input.area == nil && network.data.areas.count > 1
                ? areaFindings(network.data, kind: network.kind, options: gapOptions).flatMap { part in
                    ["", "■ \(part.area)"] + part.findings.map { "- " + visible($0(language), limit: 2_000) }
                } : []
            let text =
                ([table(findings, year: network.data.fiscalYear, language)] + byArea).joined(separator: "\n") + "\n"
            try result.emit(Data(text.utf8), input: input, language)
        case .xlsx:
            let workbook = OutputWorkbook(tables: [(Text.findingsSheet(language), findingsTable(findings, language))])
            try result.emit(workbook.data(), input: input, language)
        }
    }

    private func table(_ findings: [Finding], year: FiscalYear, _ language: Language) -> String {
        var lines = [Text.findingsCount(year: year.label(language), findings.count)(language)]
        for severity in Finding.Severity.allCases {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append("")
            lines.append("\(Text.severityHeading(severity)(language)) (\(group.count))")
            for f in group {
                let ids = f.agencies.isEmpty ? "" : " [\(f.agencies.joined(separator: ", "))]"
                lines.append("- \(visible(f.message(language), limit: 2_000))\(ids)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
