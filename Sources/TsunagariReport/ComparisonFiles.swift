import Foundation
import TsunagariKit
import TsunagariMaps

/// The pictures of a comparison of two years, each made only when asked for: the change map, a map
/// of every year on the layout all years share (so that agencies keep their places), and the
/// trend charts of every year. Names are file names (`map-2025.svg`, `trend-ties.svg`).
public struct ComparisonPictures: Sendable {
    public var changeMap: Data?
    public var yearMaps: [NamedFile] = []
    public var charts: [NamedFile] = []
}

public func makeComparisonPictures(
    _ history: NetworkHistory, _ comparison: YearComparison, area: String, language: Language,
    changeMap format: MapFormat?, yearMaps: Bool, charts: Bool
) throws -> ComparisonPictures {
    var pictures = ComparisonPictures()
    var options = MapOptions()
    options.language = language
    options.area = area
    options.sizeBy = .none
    if format != nil || yearMaps {
        let stable = try stableLayout(
            history.analyses, ids: history.matching.canonical, allIDs: history.allIDs, options: options)
        if let format {
            let drawing = MapDrawing(comparison: comparison, allIDs: history.allIDs, options: options)
            pictures.changeMap = try renderChangeMap(drawing, allIDs: history.allIDs, stable: stable, format: format)
        }
        if yearMaps {
            for (y, analysis) in history.analyses.enumerated() {
                let data = try renderYearMap(
                    try MapDrawing(analysis, options), ids: history.matching.canonical[y], stable: stable, format: .svg)
                pictures.yearMaps.append(
                    NamedFile(path: "map-\(analysis.network.data.fiscalYear.year).svg", data: data))
            }
        }
    }
    if charts {
        let years = history.analyses.map { $0.network.data.fiscalYear.label(language) }
        pictures.charts = trendSeries(history.trends).map {
            NamedFile(path: "trend-\($0.key).svg", data: Data(trendChartSVG($0, years: years, language: language).utf8))
        }
    }
    return pictures
}
