import Foundation
import TsunagariKit
import TsunagariMaps

/// What the meeting report is asked to be.
public struct ReportOptions: Sendable {
    /// Index of the year in the history.
    public var year: Int
    /// The area's name, first in every title.
    public var area: String
    public var language: Language
    /// Exact case counts and survey notes, marked as internal on every page.
    public var internalUse = false
    /// One page per agency: its partners by kind, its own map, its change since last year.
    public var cards = false
    /// The paper the report prints on and its maps' PDFs fill (A4 or A3, landscape); the maps
    /// are also written for 16:9 slides.
    public var paper: Paper = .a4
    /// Also `handout.html`: one A4 page with the map, the main findings and the key numbers.
    public var handout = false

    public init(year: Int, area: String, language: Language) {
        (self.year, self.area, self.language) = (year, area, language)
    }
}

/// The files of a meeting report (paths relative to the output folder: `report.html` and
/// `maps/NAME.svg|pdf`), and what the user should be told about how it was made.
public struct MeetingReport: Sendable {
    public var files: [NamedFile]
    public var notes: [Text]
}

/// Makes the meeting report of one year: the maps (every year on one shared layout, so agencies
/// keep their places; for a network too large to draw whole, `reportShowsCore`, the core map and no
/// change map or cards), each as SVG for the page and PDF for slides, the trend charts, and the
/// HTML (`reportHTML`). `warnings` are the reading's diagnostics, for the data-quality section.
public func makeMeetingReport(
    _ history: NetworkHistory, options: ReportOptions, warnings: [Diagnostic]
) throws -> MeetingReport {
    let y = options.year, language = options.language
    let analysis = history.analyses[y]
    var mapOptions = MapOptions()
    mapOptions.language = language
    mapOptions.area = options.area
    mapOptions.sizeBy = .none  // one size every year, so that agencies keep their places
    mapOptions.counts = analysis.network.data.settings.counts(exact: options.internalUse)
    let large = reportShowsCore(analysis.network)
    let stable =
        large
        ? nil
        : try stableLayout(
            history.analyses, ids: history.matching.canonical, allIDs: history.allIDs, options: mapOptions)

    var files: [NamedFile] = []
    var notes: [Text] = []
    /// Renders a map into `maps/` as SVG, as a PDF of the report's paper and as a 16:9 slide
    /// (`NAME-slide.pdf`); returns the SVG for the page.
    func both(_ name: String, _ render: (MapFormat, Paper) throws -> Data) throws -> String {
        let svg = try render(.svg, options.paper)
        files.append(NamedFile(path: "maps/\(name).svg", data: svg))
        files.append(NamedFile(path: "maps/\(name).pdf", data: try render(.pdf, options.paper)))
        files.append(NamedFile(path: "maps/\(name)-slide.pdf", data: try render(.pdf, .slide)))
        return String(decoding: svg, as: UTF8.self)
    }
    /// The drawing on another paper.
    func on(_ paper: Paper, _ drawing: MapDrawing) -> MapDrawing {
        var drawing = drawing
        drawing.paper = paper
        return drawing
    }
    var coreOptions = mapOptions
    coreOptions.variant = .core
    let networkMap =
        try stable.map { stable in
            try both("network") {
                try renderYearMap(
                    on($1, try MapDrawing(analysis, mapOptions)), ids: history.matching.canonical[y], stable: stable,
                    format: $0)
            }
        } ?? both("core") { try renderMap(on($1, try MapDrawing(analysis, coreOptions)), format: $0) }
    // The earlier years on the same layout, for the interactive map's year switcher.
    let earlierMaps =
        try stable.map { stable in
            try (0..<y).map { k in
                String(
                    decoding: try renderYearMap(
                        try MapDrawing(history.analyses[k], mapOptions), ids: history.matching.canonical[k],
                        stable: stable, format: .svg), as: UTF8.self)
            }
        } ?? []
    var fieldOptions = mapOptions
    fieldOptions.variant = .fields
    let fieldMap = try both("fields") { try renderMap(on($1, try MapDrawing(analysis, fieldOptions)), format: $0) }
    let comparison = y > 0 ? history.comparison(from: y - 1, to: y) : nil
    var changeMap: String?
    var charts: [String] = []
    if let comparison {
        if let stable {
            let drawing = MapDrawing(comparison: comparison, allIDs: history.allIDs, options: mapOptions)
            changeMap = try both("change") {
                try renderChangeMap(on($1, drawing), allIDs: history.allIDs, stable: stable, format: $0)
            }
        }
        let trends = Array(history.trends.prefix(y + 1))
        let years = trends.map { FiscalYear($0.fiscalYear).label(language) }
        charts = trendSeries(trends).map { trendChartSVG($0, years: years, language: language) }
    }
    var cardMaps: [String: String] = [:]
    if options.cards && large {
        notes.append(.noCards(analysis.agencies.count))
    } else if options.cards {
        var ego = mapOptions
        ego.variant = .ego
        for (agency, measures) in zip(analysis.network.agencies, analysis.agencies) where measures.degree > 0 {
            ego.focus = agency.id
            cardMaps[agency.id] = String(
                decoding: try renderMap(try MapDrawing(analysis, ego), format: .svg), as: UTF8.self)
        }
    }
    // A health centre's area: the map of its municipalities, and each municipality's own network.
    let data = analysis.network.data
    var areaMap: String?
    var areas: [AreaPart] = []
    if data.areas.count > 1 {
        var areaOptions = mapOptions
        areaOptions.variant = .areas
        areaMap = try both("areas") { try renderMap(on($1, try MapDrawing(analysis, areaOptions)), format: $0) }
        for (k, area) in data.areas.enumerated() {
            // The same layer and the same sampling of path measures as the whole area's analysis.
            let local = Analysis(
                YearNetwork(data.restricted(toArea: area), kind: analysis.network.kind),
                betweennessSample: analysis.summary.estimate?.sources)
            var localOptions = mapOptions
            localOptions.area = area
            localOptions.variant = reportShowsCore(local.network) ? .core : .network
            let map = try both("area-\(k + 1)") {
                try renderMap(on($1, try MapDrawing(local, localOptions)), format: $0)
            }
            areas.append(AreaPart(name: area, analysis: local, map: map))
        }
    }
    var input = ReportInput(
        history: history, year: y, comparison: comparison, area: options.area, language: language,
        internalUse: options.internalUse,
        networkMap: networkMap, earlierMaps: earlierMaps, fieldMap: fieldMap, changeMap: changeMap,
        trendCharts: charts,
        cardMaps: cardMaps, warnings: warnings)
    input.paper = options.paper
    (input.areaMap, input.areas) = (areaMap, areas)
    files.append(NamedFile(path: "report.html", data: Data(reportHTML(input).utf8)))
    if options.handout { files.append(NamedFile(path: "handout.html", data: Data(handoutHTML(input).utf8))) }
    return MeetingReport(files: files, notes: notes)
}
