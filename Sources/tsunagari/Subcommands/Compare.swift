import ArgumentParser
import Foundation
import TsunagariKit
import TsunagariReport
import TsunagariMaps

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed from one fiscal year to another: agencies, ties, gaps, trends.",
        discussion: """
            Defaults to the last two years. --map writes the change map (new ties green, lost ties \
            dashed orange) and --year-maps a map of every year, all on one layout so that every \
            agency stays in its place; --charts writes one small SVG line chart per measure.
            """
    )

    @Argument(help: "The network folder.")
    var directory: String

    @Option(help: "The earlier year (default: the one before --to).")
    var from: String?

    @Option(help: "The later year (default: the latest).")
    var to: String?

    @Option(help: "table, csv, json or xlsx.")
    var format: OutputFormat = .table

    @OptionGroup var result: ResultOutput

    @Option(help: "Write the change map to this file (.svg, .pdf or .png).")
    var map: String?

    @Option(name: .customLong("year-maps"), help: "Write each year's map into this folder, on the shared layout.")
    var yearMaps: String?

    @Option(help: "Write the trend charts (SVG) into this folder.")
    var charts: String?

    @Option(help: "The area's name for map titles (default: the folder's name).")
    var title: String?

    @Option(help: "One municipality of a health centre's area: its agencies and the area-wide agencies tied to them.")
    var area: String?

    @OptionGroup var paths: PathOptions

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        try result.check(binary: format == .xlsx, language)
        let progress = try runOptions.start(language)
        defer { progress.finish() }
        let loaded = progress.run(.reading) { loadNetwork(at: directory) }
        var (network, diagnostics) = (loaded.network, loaded.diagnostics)
        Console.report(diagnostics, language)
        if diagnostics.hasErrors {
            Console.err(Text.notComparingErrors(language))
            throw ExitCode.failure
        }
        let area = try area.map { try network.chosenArea($0, language) }
        if let area { network = network.restricted(toArea: area) }
        guard network.years.count >= 2 else {
            Console.err(Text.needsTwoYears(language))
            throw ExitCode.failure
        }
        let largest = network.years.map(\.agencies.count).max() ?? 0
        let history = NetworkHistory(
            network, betweennessSample: try paths.sources(agencies: largest, language), progress: progress.handler)
        progress.finish()
        let toIndex = try index(of: to, in: network, language) ?? network.years.count - 1
        let fromIndex = try index(of: from, in: network, language) ?? max(0, toIndex - 1)
        guard fromIndex < toIndex else { throw usageError(.fromBeforeTo, language) }
        let c = history.comparison(from: fromIndex, to: toIndex)

        switch format {
        case .table:
            // A health centre's area: where the growth happened, municipality by municipality.
            let byArea =
                area == nil && network.areas.count > 1
                ? "\n\n" + Table.render(CompareReport.areaTable(c.before.network.data, c.after.network.data, language))
                : ""
            try result.emit(
                Data((CompareReport.table(c, history: history, language) + byArea + "\n").utf8), input: directory,
                language)
        case .csv: try result.emit(excelCSV(CompareReport.tieTable(c, language)), input: directory, language)
        case .json:
            try result.emit(
                try CompareReport.json(c, history: history, language) + Data("\n".utf8), input: directory, language)
        case .xlsx:
            let workbook = OutputWorkbook(tables: [(Text.tiesSheet(language), CompareReport.tieTable(c, language))])
            try result.emit(workbook.data(), input: directory, language)
        }

        let pictures = try makeComparisonPictures(
            history, c,
            area: title ?? network.settings.title ?? URL(fileURLWithPath: directory).standardized.lastPathComponent,
            language: language, changeMap: map.map(Self.format), yearMaps: yearMaps != nil, charts: charts != nil)
        if let map, let data = pictures.changeMap {
            try OutputFile.write(data, to: map, input: directory)
            Console.err(map)
        }
        for (folder, files) in [(yearMaps, pictures.yearMaps), (charts, pictures.charts)] {
            guard let folder else { continue }
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file.path)
                try OutputFile.write(file.data, to: path, input: directory)
                Console.err(path)
            }
        }
    }

    private func index(of year: String?, in network: Network, _ language: Language) throws -> Int? {
        guard let year else { return nil }
        guard let fy = FiscalYear(folderName: year), let i = network.years.firstIndex(where: { $0.fiscalYear == fy })
        else {
            throw usageError(.noDataForNamedYear(year), language)
        }
        return i
    }

    static func format(of path: String) -> MapFormat {
        MapFormat(rawValue: (path as NSString).pathExtension.lowercased()) ?? .svg
    }
}
