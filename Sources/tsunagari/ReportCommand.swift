import ArgumentParser
import Foundation
import TsunagariKit
import TsunagariMaps

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the meeting report: one offline HTML file, plus the maps as SVG and PDF for slides.",
        discussion: """
            The report opens from a USB stick without network access and prints on A4 landscape. By \
            default it is fit for a meeting: counts of 1 or 2 cases are shown as fewer than 3 (README, Privacy and safety), and no case IDs or \
            notes appear. --internal shows exact counts and notes and says so on every page.
            """
    )

    @OptionGroup var input: YearOptions

    @Option(name: .shortAndLong, help: "The output folder (default: out). Never inside the input folder.")
    var output = "out"

    @Flag(help: "Exact case counts and survey notes, for the health centre's own use.")
    var `internal` = false

    @Flag(help: "Add one printable page per agency: its partners by kind, its own map, its change since last year.")
    var cards = false

    @Option(help: "The area's name for the title (default: the folder's name).")
    var title: String?

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let progress = input.runOptions.start(language)
        defer { progress.finish() }
        let (network, diagnostics, yearNetwork) = try input.loadAll(language, progress)  // prints the diagnostics; stops on errors
        guard let yearIndex = network.years.firstIndex(where: { $0.fiscalYear == yearNetwork.data.fiscalYear }) else { throw ExitCode.failure }
        let history = NetworkHistory(network, progress: progress.handler)
        var mapOptions = MapOptions()
        mapOptions.language = language
        mapOptions.area = title ?? URL(fileURLWithPath: input.directory).standardized.lastPathComponent
        mapOptions.sizeBy = .none  // one size every year, so that agencies keep their places
        mapOptions.counts = CaseCountRule(exact: `internal`)
        let analysis = history.analyses[yearIndex]
        // A large network gets the core map and no change map; see `showsCoreOnly`.
        let large = showsCoreOnly(analysis.network)
        let stable = large ? nil : try stableLayout(history.analyses, ids: history.matching.canonical, allIDs: history.allIDs, options: mapOptions)

        var files: [(String, Data)] = []
        func both(_ name: String, _ render: (MapFormat) throws -> Data) throws -> String {
            let svg = try render(.svg)
            files.append(("maps/\(name).svg", svg))
            files.append(("maps/\(name).pdf", try render(.pdf)))
            return String(decoding: svg, as: UTF8.self)
        }
        var coreOptions = mapOptions
        coreOptions.variant = .core
        let networkMap = try stable.map { stable in
            try both("network") { try renderYearMap(try MapDrawing(analysis, mapOptions), ids: history.matching.canonical[yearIndex], stable: stable, format: $0) }
        } ?? both("core") { try renderMap(try MapDrawing(analysis, coreOptions), format: $0) }
        var fieldOptions = mapOptions
        fieldOptions.variant = .fields
        let fieldMap = try both("fields") { try renderMap(try MapDrawing(analysis, fieldOptions), format: $0) }
        var changeMap: String?
        var charts: [String] = []
        if yearIndex > 0 {
            if let stable {
                let drawing = MapDrawing(comparison: history.comparison(from: yearIndex - 1, to: yearIndex), allIDs: history.allIDs, options: mapOptions)
                changeMap = try both("change") { try renderChangeMap(drawing, allIDs: history.allIDs, stable: stable, format: $0) }
            }
            let trends = Array(history.trends.prefix(yearIndex + 1))
            let years = trends.map { FiscalYear($0.fiscalYear).label(language) }
            charts = trendSeries(trends).map { trendChartSVG($0, years: years, language: language) }
        }
        var cardMaps: [String: String] = [:]
        if cards && large {
            Console.err(language == .ja
                ? "機関が\(analysis.agencies.count)あるため、機関ごとのページ (--cards) は作りません。tsunagari map --variant ego --focus ID で1機関ずつ描けます"
                : "with \(analysis.agencies.count) agencies the report has no per-agency pages (--cards); draw one agency with tsunagari map --variant ego --focus ID")
        } else if cards {
            var ego = mapOptions
            ego.variant = .ego
            for agency in analysis.network.agencies where analysis.agencies.first(where: { $0.id == agency.id })?.degree ?? 0 > 0 {
                ego.focus = agency.id
                cardMaps[agency.id] = String(decoding: try renderMap(try MapDrawing(analysis, ego), format: .svg), as: UTF8.self)
            }
        }
        let html = reportHTML(ReportInput(
            history: history, year: yearIndex, area: mapOptions.area, language: language, internalUse: `internal`,
            networkMap: networkMap, fieldMap: fieldMap, changeMap: changeMap, trendCharts: charts,
            cardMaps: cardMaps, warnings: diagnostics.sorted))
        files.append(("report.html", Data(html.utf8)))
        try checkOutputPath(output, input: input.directory, folder: true)
        for (name, _) in files { try checkOutputPath((output as NSString).appendingPathComponent(name), input: input.directory) }
        // The report and its maps replace the last ones as a whole: never a mix of old and new.
        try replaceAsWhole(files, in: output, mode: outputMode(internal: `internal`))
        Console.out((output as NSString).appendingPathComponent("report.html"))
    }
}
