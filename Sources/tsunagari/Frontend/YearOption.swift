import ArgumentParser
import TsunagariKit

/// `DIR [--year Y]`: the network folder and the fiscal year to work on (default: the latest).
struct YearOptions: ParsableArguments {
    @Argument(help: "The network folder (one sub-folder per fiscal year).")
    var directory: String

    @Option(help: "The fiscal year, e.g. 2025, R7 or 令和7年度 (default: the latest).")
    var year: String?

    @Option(help: "Only ties of this kind (one layer), e.g. 紹介 or referral, ケース会議 or case_conference.")
    var kind: String?

    @Option(
        help:
            "One municipality of a health centre's area (agencies.csv's area column): its agencies and the area-wide agencies tied to them."
    )
    var area: String?

    @OptionGroup var runOptions: RunOptions

    /// Loads the network; prints diagnostics and stops with exit status 1 when there are errors
    /// (analysing data with errors would give wrong answers) or the year is not there.
    func load(_ language: Language, _ progress: ProgressLine) throws -> YearNetwork {
        try loadAll(language, progress).year
    }

    /// The whole network and its diagnostics as well as the chosen year (see `load`).
    func loadAll(
        _ language: Language, _ progress: ProgressLine
    ) throws -> (network: Network, diagnostics: Diagnostics, year: YearNetwork, area: String?) {
        let loaded = progress.run(.reading) { loadNetwork(at: directory) }
        var (network, diagnostics) = (loaded.network, loaded.diagnostics)
        Console.report(diagnostics, language)
        if diagnostics.hasErrors {
            Console.err(Text.notAnalysingErrors(Console.counts(diagnostics, language))(language))
            throw ExitCode.failure
        }
        let area = try area.map { try network.chosenArea($0, language) }
        if let area { network = network.restricted(toArea: area) }
        let chosen: YearData?
        if let year {
            guard let fiscalYear = FiscalYear(folderName: year) else {
                throw usageError(.notAFiscalYear(year, example: "2025, R7 / 令和7年度"), language)
            }
            chosen = network.years.first { $0.fiscalYear == fiscalYear }
        } else {
            chosen = network.years.last
        }
        guard let data = chosen else {
            let available = network.years.map { $0.fiscalYear.label(language) }.joined(separator: ", ")
            Console.err(Text.noDataForYear(available: available)(language))
            throw ExitCode.failure
        }
        guard let kind else { return (network, diagnostics, YearNetwork(data), area) }
        guard let layer = TieKind(cell: kind) else {
            throw usageError(.notAKind(kind, TieKind.list(language)), language)
        }
        return (network, diagnostics, YearNetwork(data, kind: layer), area)
    }
}

extension Network {
    /// The municipality `--area` names, or a usage error listing the network's municipalities.
    func chosenArea(_ written: String, _ language: Language) throws -> String {
        guard let area = area(named: written) else {
            throw usageError(
                areas.isEmpty
                    ? .noAreas : .notAnArea(written, areas.joined(separator: Text.listSeparator(language))),
                language)
        }
        return area
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
}
