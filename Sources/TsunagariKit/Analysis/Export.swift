import Foundation

/// Fixed-precision number text for tables and CSV, so that two runs give identical bytes.
public func fixed(_ x: Double?, digits: Int = 6) -> String {
    guard let x, x.isFinite else { return "" }
    let s = String(format: "%.\(digits)f", x)
    return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
}

extension Analysis {
    /// The per-agency table, one row per agency sorted by ID; the first sixteen columns are the
    /// documented interface (`id,name,field,degree,…,articulation`), headed in `language`.
    public func agencyTable(_ language: Language) -> [[String]] {
        var rows = [Text.agencyColumns.map { $0(language) }]
        for a in agencies {
            rows.append([
                a.id, a.name, a.field.label(language), "\(a.degree)", "\(a.inDegree)", "\(a.outDegree)",
                fixed(a.betweenness), fixed(a.closeness), fixed(a.harmonic), fixed(a.pagerank), fixed(a.eigenvector),
                "\(a.core)", fixed(a.clustering), fixed(a.constraint), fixed(a.effectiveSize),
                a.articulation ? "1" : "0",
                fixed(a.weightedDegree, digits: 1), fixed(a.betweennessDirected), "\(a.community)",
                a.responded ? "1" : "0",
                "\(a.brokerage.coordinator)", "\(a.brokerage.itinerant)", "\(a.brokerage.gatekeeper)",
                "\(a.brokerage.representative)", "\(a.brokerage.liaison)", a.cutOff.joined(separator: ";"),
            ])
        }
        return rows
    }

    /// The per-agency table as CSV for Excel (`excelCSV`).
    public func agencyCSV(_ language: Language) -> Data { excelCSV(agencyTable(language)) }

    /// The network's measures as a two-column table: measure, value.
    public func summaryTable(_ language: Language) -> [[String]] {
        let s = summary
        var values: [(Text, String)] = [
            (Text(ja: "年度", en: "fiscal_year"), network.data.fiscalYear.label(language)),
            (Text(ja: "機関", en: "agencies"), "\(s.agencies)"), (Text(ja: "つながり", en: "ties"), "\(s.ties)"),
            (Text(ja: "相互確認", en: "confirmed_ties"), "\(s.confirmedTies)"),
            (Text(ja: "一方向", en: "one_sided_ties"), "\(s.oneSidedTies)"),
            (Text(ja: "回答した機関", en: "respondents"), "\(s.respondents)"),
            (Text(ja: "密度", en: "density"), fixed(s.density)),
            (Text(ja: "相互確認の割合", en: "reciprocity"), fixed(s.reciprocity)),
            (Text(ja: "まとまり (連結成分)", en: "components"), "\(s.components.count)"),
            (Text(ja: "孤立した機関", en: "isolates"), s.isolates.joined(separator: ";")),
            (Text(ja: "次数の中心化", en: "degree_centralization"), fixed(s.degreeCentralization)),
            (Text(ja: "媒介の中心化", en: "betweenness_centralization"), fixed(s.betweennessCentralization)),
            (Text(ja: "直径", en: "diameter"), "\(s.diameter)"),
            (Text(ja: "平均の距離", en: "average_path_length"), fixed(s.averagePathLength)),
            (Text(ja: "推移性", en: "transitivity"), fixed(s.transitivity)),
            (Text(ja: "コミュニティ", en: "communities"), "\(s.communities)"),
            (Text(ja: "モジュラリティ", en: "modularity"), fixed(s.modularity)),
            (Text(ja: "E-I 指数", en: "ei_index"), fixed(s.eiIndex)),
            (Text(ja: "分野の同類性", en: "field_assortativity"), fixed(s.fieldAssortativity)),
        ]
        // Estimated path measures say so, with what the estimate guarantees.
        if let e = s.estimate {
            values.append((Text(ja: "近接・距離の推定の起点 (機関)", en: "path_sample_sources"), "\(e.sources)"))
            if let paths = e.betweennessPaths {
                values.append((Text(ja: "媒介の推定に使った最短経路", en: "betweenness_sampled_paths"), "\(paths)"))
            }
            values.append(
                (
                    Text(ja: "媒介の推定に使った最短経路 (回答の向き)", en: "betweenness_directed_sampled_paths"),
                    "\(e.betweennessDirectedPaths)"
                ))
            values.append(
                (Text(ja: "媒介の誤差の上限 (確率95%)", en: "betweenness_error_bound"), fixed(e.betweennessErrorBound)))
            if let certain = e.certainTop10 {
                values.append((Text(ja: "媒介の上位10のうち確かな機関", en: "betweenness_certain_top10"), "\(certain)"))
            }
        }
        return [[Text(ja: "指標", en: "measure")(language), Text(ja: "値", en: "value")(language)]]
            + values.map { [$0.0(language), $0.1] }
    }

    /// Network summary and per-agency measures as JSON (sorted keys).
    public func json() throws -> Data {
        struct Document: Encodable {
            var fiscalYear: Int
            var network: NetworkMeasures
            var agencies: [AgencyMeasures]
        }
        return try encodeJSON(Document(fiscalYear: network.data.fiscalYear.year, network: summary, agencies: agencies))
    }
}

/// Findings as a table: severity, kind, agency IDs, fields, message in `language`.
public func findingsTable(_ findings: [Finding], _ language: Language) -> [[String]] {
    [Text.findingColumns.map { $0(language) }]
        + findings.map { f in
            [
                f.severity.rawValue, f.kind.rawValue, f.agencies.joined(separator: ";"),
                f.fields.map { $0.label(language) }.joined(separator: ";"), f.message(language),
            ]
        }
}

/// JSON with sorted keys and two-space indentation; NaN and infinities (possible only in
/// degenerate networks) are written as null-like strings rather than failing.
public func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(value)
}

/// Column headers of the tables: the English keys are the documented interface, the Japanese
/// ones are for Excel under `--lang ja`.
extension Text {
    static let agencyColumns = [
        Text(ja: "機関ID", en: "id"), Text(ja: "機関名", en: "name"), Text(ja: "分野", en: "field"),
        Text(ja: "次数", en: "degree"), Text(ja: "入次数", en: "in_degree"), Text(ja: "出次数", en: "out_degree"),
        Text(ja: "媒介中心性", en: "betweenness"), Text(ja: "近接中心性", en: "closeness"),
        Text(ja: "調和中心性", en: "harmonic"), Text(ja: "PageRank", en: "pagerank"),
        Text(ja: "固有ベクトル中心性", en: "eigenvector"), Text(ja: "コア", en: "core"),
        Text(ja: "クラスタ係数", en: "clustering"), Text(ja: "制約", en: "constraint"),
        Text(ja: "実効サイズ", en: "effective_size"), Text(ja: "切断点", en: "articulation"),
        Text(ja: "重み付き次数", en: "weighted_degree"), Text(ja: "媒介中心性 (向きあり)", en: "betweenness_directed"),
        Text(ja: "コミュニティ", en: "community"), Text(ja: "回答", en: "responded"),
        Text(ja: "調整役", en: "coordinator"), Text(ja: "外部の相談役", en: "itinerant"),
        Text(ja: "門番", en: "gatekeeper"), Text(ja: "代表", en: "representative"), Text(ja: "連絡役", en: "liaison"),
        Text(ja: "切り離される機関", en: "cut_off"),
    ]

    static let findingColumns = [
        Text(ja: "重さ", en: "severity"), Text(ja: "種類", en: "kind"), Text(ja: "機関", en: "agencies"),
        Text(ja: "分野", en: "fields"), Text(ja: "内容", en: "message"),
    ]
}
