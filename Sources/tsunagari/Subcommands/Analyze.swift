import ArgumentParser
import Foundation
import TsunagariKit

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures of each agency and of the whole network for one year.",
        discussion: """
            Who connects whom: ties, brokerage between agencies, who holds the network together. \
            The table lists agencies by ID; it is not a ranking. CSV and JSON carry every measure \
            (docs/MEASURES.md explains each).
            """
    )

    @OptionGroup var input: YearOptions

    @Option(help: "Output format: table, csv, json or xlsx (a workbook: the agencies and the network).")
    var format: OutputFormat = .table

    @OptionGroup var result: ResultOutput

    @Flag(
        help: ArgumentHelp(
            "Betweenness, closeness and harmonic use tie strength: a tie where people know each other well is a "
                + "shorter way.")
    )
    var weighted = false

    @OptionGroup var paths: PathOptions

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        try result.check(binary: format == .xlsx, language)
        let progress = try input.runOptions.start(language)
        defer { progress.finish() }
        let network = try input.load(language, progress)
        let sample = try paths.sources(agencies: network.agencies.count, weighted: weighted, language)
        let analysis = Analysis(network, weighted: weighted, betweennessSample: sample, progress: progress.handler)
        progress.finish()
        // A health centre's area: its municipalities side by side (not for one municipality's own run).
        let names = Dictionary(network.agencies.map { ($0.id, $0.displayName) }) { first, _ in first }
        let areas = input.area == nil ? areaSummaries(network.data, kind: network.kind) : []
        let directory = input.directory
        switch format {
        case .csv: try result.emit(analysis.agencyCSV(language), input: directory, language)
        case .json: try result.emit(try analysis.json() + Data("\n".utf8), input: directory, language)
        case .table:
            let byArea = areas.isEmpty ? "" : "\n\n" + Table.render(areaTable(areas, names: names, language))
            try result.emit(Data((table(analysis, language) + byArea + "\n").utf8), input: directory, language)
        case .xlsx:
            let workbook = OutputWorkbook(
                tables: [
                    (Text.agenciesSheet(language), analysis.agencyTable(language)),
                    (Text.networkSheet(language), analysis.summaryTable(language)),
                ] + (areas.isEmpty ? [] : [(Text.areasSheet(language), areaTable(areas, names: names, language))]))
            try result.emit(workbook.data(), input: directory, language)
        }
    }

    private func table(_ analysis: Analysis, _ language: Language) -> String {
        let s = analysis.summary
        let year =
            analysis.network.data.fiscalYear.label(language)
            + (analysis.network.kind.map { Text.kindOnly($0)(language) } ?? "")
        // With a sample the path measures are estimates, and the diameter a lower bound: said so.
        let sampled = s.estimate != nil
        let diameter = sampled ? Text.estimatedDiameter(s.diameter)(language) : "\(s.diameter)"
        let about = sampled ? Text.about(language) : ""
        let lines = Text.analysisSummary(s, year: year, diameter: diameter, about: about).map { $0(language) }
        var rows = [Text.analysisColumns.map { $0(language) }]
        for (a, agency) in zip(analysis.agencies, analysis.network.agencies) {
            rows.append([
                a.id, agency.displayName, a.field.label(language), "\(a.degree)", "\(a.outDegree)", "\(a.inDegree)",
                fixed(a.betweenness, digits: 3), fixed(a.closeness, digits: 3), "\(a.core)",
                fixed(a.constraint, digits: 3), a.articulation ? "★" : "",
            ])
        }
        return (lines + ["", Table.render(rows, rightAligned: Set(3...9)), "", Text.analysisNote(language)]).joined(
            separator: "\n")
    }
}
