import Foundation

/// The whole-network numbers of one year, for following the network over the years.
public struct YearTrend: Sendable, Encodable, Equatable {
    public var fiscalYear: Int
    public var agencies: Int
    public var ties: Int
    public var confirmedTies: Int
    public var density: Double
    /// Share of ties both sides named.
    public var reciprocity: Double
    public var isolates: Int
    public var components: Int
    public var degreeCentralization: Double
    public var betweennessCentralization: Double
    /// The year's path measures were estimated (`NetworkMeasures.estimate`), so is its betweenness
    /// centralization.
    public var betweennessEstimated: Bool
    /// Share of ties that join two different fields.
    public var crossFieldShare: Double
    public var eiIndex: Double
    /// Age-specific services covering each age band (docs/DOMAIN.md §3), by band key.
    public var ageBandCoverage: [String: Int]
    /// Findings of each kind (recommendations not counted).
    public var gapsByKind: [String: Int]

    public init(_ analysis: Analysis) {
        let s = analysis.summary
        let agencies = analysis.network.agencies
        fiscalYear = analysis.network.data.fiscalYear.year
        self.agencies = s.agencies
        ties = s.ties
        confirmedTies = s.confirmedTies
        density = s.density
        reciprocity = s.reciprocity
        isolates = s.isolates.count
        components = s.components.count
        degreeCentralization = s.degreeCentralization
        betweennessCentralization = s.betweennessCentralization
        betweennessEstimated = s.estimate != nil
        let cross = analysis.network.ties.count { agencies[$0.a].field != agencies[$0.b].field }
        crossFieldShare = s.ties > 0 ? Double(cross) / Double(s.ties) : 0
        eiIndex = s.eiIndex
        ageBandCoverage = Dictionary(
            uniqueKeysWithValues: AgeBand.allCases.map { band in
                (band.en, agencies.count { hasAgeLimit($0) && serves($0, band: band) })
            })
        var gaps: [String: Int] = [:]
        for f in analysis.findings where f.kind != .recommendation { gaps[f.kind.rawValue, default: 0] += 1 }
        gapsByKind = gaps
    }
}

/// A measure followed over the years, with its name in both languages.
public struct TrendSeries: Sendable {
    public var key: String
    public var title: Text
    public var values: [Double]
    /// Digits after the point when printed.
    public var digits: Int
}

/// The series the trend charts show, from the yearly trends.
public func trendSeries(_ trends: [YearTrend]) -> [TrendSeries] {
    func series(_ key: String, _ ja: String, _ en: String, _ digits: Int, _ value: (YearTrend) -> Double) -> TrendSeries
    {
        TrendSeries(key: key, title: Text(ja: ja, en: en), values: trends.map(value), digits: digits)
    }
    return [
        series("agencies", "機関の数", "agencies", 0) { Double($0.agencies) },
        series("ties", "つながりの数", "ties", 0) { Double($0.ties) },
        series("density", "密度", "density", 3) { $0.density },
        series("reciprocity", "相互に確認されたつながりの割合", "share of ties both sides named", 3) { $0.reciprocity },
        series("isolates", "孤立している機関", "isolated agencies", 0) { Double($0.isolates) },
        series("components", "まとまり (連結成分) の数", "components", 0) { Double($0.components) },
        series("degree_centralization", "中心化 (次数)", "degree centralization", 3) { $0.degreeCentralization },
        series("cross_field_share", "分野をまたぐつながりの割合", "share of ties across fields", 3) { $0.crossFieldShare },
        series("age_40_64", "40-64歳を対象にする年齢限定の機関", "age-specific services for 40–64", 0) {
            Double($0.ageBandCoverage["40-64"] ?? 0)
        },
        series("gaps", "気づいた点 (提案を除く)", "findings (suggestions not counted)", 0) {
            Double($0.gapsByKind.values.reduce(0, +))
        },
    ]
}

/// A small line chart as SVG: one measure over the fiscal years, each point labelled with its
/// value, readable in print (black lines, 12 pt text, Japanese font with fallbacks).
public func trendChartSVG(_ series: TrendSeries, years: [String], language: Language) -> String {
    let width = 360.0, height = 210.0, left = 44.0, right = 44.0, top = 52.0, bottom = 34.0
    let values = series.values
    let low = min(0, values.min() ?? 0), high = max(values.max() ?? 1, low + 1e-9)
    let span = high - low
    func x(_ i: Int) -> Double {
        values.count > 1
            ? left + Double(i) * (width - left - right) / Double(values.count - 1) : (left + width - right) / 2
    }
    func y(_ v: Double) -> Double { top + (1 - (v - low) / span) * (height - top - bottom) }
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    let font = "font-family=\"Noto Sans CJK JP,Noto Sans JP,Hiragino Sans,Yu Gothic,Meiryo,sans-serif\""
    var svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
        + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
    svg += "<title>\(xml(series.title(language)))</title>\n"
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    svg +=
        "<text x=\"\(f(left))\" y=\"20\" \(font) font-size=\"14\" "
        + "font-weight=\"bold\">\(xml(series.title(language)))</text>\n"
    svg +=
        "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" "
        + "y2=\"\(f(height - bottom))\" stroke=\"#888\" stroke-width=\"1\"/>\n"
    let points = values.indices.map { "\(f(x($0))),\(f(y(values[$0])))" }.joined(separator: " ")
    if values.count > 1 {
        svg +=
            "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\"/>\n"
    }
    for (i, v) in values.enumerated() {
        svg += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"4\" fill=\"#0072B2\"/>\n"
        svg +=
            "<text x=\"\(f(x(i)))\" y=\"\(f(y(v) - 9))\" text-anchor=\"middle\" \(font) "
            + "font-size=\"12\">\(String(format: "%.\(series.digits)f", v))</text>\n"
        svg +=
            "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" \(font) "
            + "font-size=\"12\">\(xml(years[i]))</text>\n"
    }
    return svg + "</svg>\n"
}
