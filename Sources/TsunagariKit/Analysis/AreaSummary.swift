/// One municipality beside the others: the health centre's comparison table (docs/DOMAIN.md §12).
/// Its network is `YearData.restricted(toArea:)`: its own agencies and the area-wide agencies tied to
/// them.
public struct AreaSummary: Sendable, Equatable {
    public var area: String
    /// The municipality's own agencies.
    public var agencies: Int
    /// Area-wide agencies tied to any of them.
    public var areaWide: Int
    /// Ties in its network (own and area-wide agencies).
    public var ties: Int
    /// Ties over possible pairs in its network.
    public var density: Double
    /// Its own agencies without a tie in its network (IDs).
    public var isolated: [String]
    /// Core pathways (pairs of fields, `PathwayImportance.core`) with at least one tie in its
    /// network, and how many core pathways there are.
    public var corePathwaysTied: Int
    public var corePathways: Int
    /// Fields with no agency in its network.
    public var missingFields: [Field]
    /// The area-wide agencies it is tied to, by how many of its own agencies they are tied to
    /// (most first).
    public var dependsOn: [Dependency]
    /// Ties between its own agencies and another municipality's.
    public var crossAreaTies: Int

    /// An area-wide agency (ID) and how many of the municipality's own agencies it is tied to.
    public struct Dependency: Sendable, Equatable {
        public var id: String
        public var ties: Int
    }
}

/// The findings a planner must see first: the first five (they come gravest first) that are not
/// only for reference.
public func mainFindings(_ findings: [Finding]) -> [Finding] {
    Array(findings.filter { $0.severity != .low }.prefix(5))
}

/// The main findings of each municipality's own network (of the layer `kind`, if one is chosen),
/// each saying where; empty for a network without areas. No path measure is computed: no
/// finding needs one.
public func areaFindings(
    _ data: YearData, kind: TieKind? = nil, options: GapOptions = GapOptions()
) -> [(area: String, findings: [Text])] {
    data.areas.map { area in
        let local = Analysis(YearNetwork(data.restricted(toArea: area), kind: kind), pathMeasures: false)
        return (area, mainFindings(findGaps(local, options: options)).map { .inArea(area, $0.message) })
    }
}

/// The ties whose two agencies are in two different municipalities (area-wide agencies are in none).
public func crossAreaTies(_ network: YearNetwork) -> [Tie] {
    network.ties.filter { tie in
        let (x, y) = (network.agencies[tie.a].area, network.agencies[tie.b].area)
        return x != nil && y != nil && x != y
    }
}

/// Every municipality of the year (of the layer `kind`, if one is chosen), in the order of
/// `YearData.areas`; empty for a network without areas.
public func areaSummaries(_ data: YearData, kind: TieKind? = nil) -> [AreaSummary] {
    let across = crossAreaTies(YearNetwork(data, kind: kind))
    let corePairs = Field.allCases.flatMap { a in
        Field.allCases.filter { b in a.rawValue < b.rawValue && data.settings.importance(a, b) == .core }.map {
            [a, $0]
        }
    }
    return data.areas.map { area in
        let local = YearNetwork(data.restricted(toArea: area), kind: kind)
        let agencies = local.agencies
        let n = agencies.count
        var degree = [Int](repeating: 0, count: n)
        var tiedFields: Set<Set<Field>> = []
        var dependants: [Int: Set<Int>] = [:]
        for tie in local.ties {
            degree[tie.a] += 1
            degree[tie.b] += 1
            tiedFields.insert([agencies[tie.a].field, agencies[tie.b].field])
            for (wide, mine) in [(tie.a, tie.b), (tie.b, tie.a)]
            where agencies[wide].area == nil && agencies[mine].area == area {
                dependants[wide, default: []].insert(mine)
            }
        }
        let own = agencies.indices.filter { agencies[$0].area == area }
        let fields = Set(agencies.map(\.field))
        let cross = across.count { data.agencies[$0.a].area == area || data.agencies[$0.b].area == area }
        return AreaSummary(
            area: area, agencies: own.count, areaWide: n - own.count, ties: local.ties.count,
            density: n > 1 ? Double(local.ties.count) / Double(n * (n - 1) / 2) : 0,
            isolated: own.filter { degree[$0] == 0 }.map { agencies[$0].id },
            corePathwaysTied: corePairs.count { tiedFields.contains(Set($0)) }, corePathways: corePairs.count,
            missingFields: Field.allCases.filter { !fields.contains($0) },
            dependsOn: dependants.map { AreaSummary.Dependency(id: agencies[$0.key].id, ties: $0.value.count) }.sorted {
                ($0.ties, $1.id) > ($1.ties, $0.id)
            },
            crossAreaTies: cross)
    }
}

/// The municipalities side by side as a table (a header row, then one row per municipality), for
/// `analyze`, its workbook and the report; `names` gives agencies' display names by ID.
public func areaTable(_ summaries: [AreaSummary], names: [String: String], _ language: Language) -> [[String]] {
    let separator = Text.areaListSeparator(language)
    return [Text.areaColumns.map { $0(language) }]
        + summaries.map { s in
            [
                s.area, "\(s.agencies)", "\(s.areaWide)", "\(s.ties)", fixed(s.density, digits: 3),
                "\(s.isolated.count)", "\(s.corePathwaysTied) / \(s.corePathways)",
                s.missingFields.map { $0.label(language) }.joined(separator: separator),
                s.dependsOn.map { "\(names[$0.id] ?? $0.id) (\($0.ties))" }.joined(separator: separator),
                "\(s.crossAreaTies)",
            ]
        }
}

extension Text {
    /// A finding of one municipality's own network, saying where: 「B市では、…」.
    public static func inArea(_ area: String, _ message: Text) -> Text {
        Text(ja: "\(area)では、" + message.ja, en: "In \(area): " + message.en)
    }

    static let areaColumns: [Text] = [
        Text(ja: "市区町村", en: "area"), Text(ja: "機関", en: "agencies"),
        Text(ja: "つながる広域の機関", en: "area-wide agencies tied"), Text(ja: "つながり", en: "ties"),
        Text(ja: "密度", en: "density"), Text(ja: "つながりのない機関", en: "isolated"),
        Text(ja: "つながっている中心的な経路", en: "core pathways tied"),
        Text(ja: "機関のない分野", en: "fields without an agency"),
        Text(ja: "頼っている広域の機関 (つながる機関の数)", en: "area-wide agencies relied on (agencies tied)"),
        Text(ja: "市区町村をまたぐつながり", en: "ties to other municipalities"),
    ]
    static let areaListSeparator = Text(ja: "、", en: "; ")
}
