import Foundation

/// Which map to draw.
public enum MapVariant: String, Sendable, CaseIterable {
    /// Every agency and tie of the year.
    case network
    /// One agency and the agencies within `radius` ties of it.
    case ego
    /// One node per field; ties between fields counted.
    case fields
    /// The directed hand-offs of the case records.
    case referrals
    /// The ties of one kind (one layer of the multiplex network).
    case kind
    /// The network's core: the agencies of the highest core numbers, at most `coreMapLimit` of them
    /// (the whole map of a large network is a hairball).
    case core
    /// The resource map (社会資源マップ): services as rows, age bands as columns, in each cell the
    /// agencies offering that service to that age, coloured by field (agencies' profiles).
    case resources
    /// A health centre's area: one box per municipality holding its agencies (by field colour),
    /// the area-wide agencies in the middle, lines counting the ties between them.
    case areas
}

/// Above this many agencies the report and `map` show the core map instead of the whole network
/// (and no change map): a map of thousands of agencies is a hairball, and its layout takes long.
public let largeReportAgencies = 5_000
/// Above this many ties likewise: a dense network of a few thousand agencies has hundreds of
/// thousands of ties, which no page can show and whose drawing would grow with their square.
public let largeReportTies = 5_000
/// Whether a year's network is too large to draw whole: the report and `map` show its core.
public func showsCoreOnly(_ network: YearNetwork) -> Bool {
    network.agencies.count > largeReportAgencies || network.ties.count > largeReportTies
}

/// Above this many agencies the meeting report shows the field map and the core map rather than the
/// whole network: from a few hundred agencies a whole map printed on one page has labels too small
/// to read, and an interactive map of thousands of agencies is too heavy for the page.
public let reportWholeMapLimit = 300
/// Whether the meeting report shows a year's core map instead of the whole network.
public func reportShowsCore(_ network: YearNetwork) -> Bool {
    network.agencies.count > reportWholeMapLimit || showsCoreOnly(network)
}

/// The node IDs of drawings, written here and read back by the renderer (`TsunagariMaps`), so that
/// the two never disagree on a string: agencies of one year by index, agencies of the union of all
/// years by their place in the list of canonical IDs, fields.
public enum MapNodeID {
    public static func agency(_ index: Int) -> String { "n\(index)" }
    public static func unionAgency(_ index: Int) -> String { "u\(index)" }
    public static func field(_ field: Field) -> String { "f\(field.rawValue)" }
}

/// How many agencies the core map shows at most.
public let coreMapLimit = 150

/// What node size shows.
public enum SizeMeasure: String, Sendable, CaseIterable {
    case none, degree, betweenness, closeness, harmonic, pagerank, eigenvector, core
}

/// Paper the map is laid out to fit, landscape: A4, A3 (a poster), or a 16:9 slide.
public enum Paper: String, Sendable, CaseIterable {
    case a4, a3, slide
    /// Width and height in inches (a slide: 13.333 × 7.5, PowerPoint's widescreen size).
    public var inches: (Double, Double) {
        switch self {
        case .a4: (11.69, 8.27)
        case .a3: (16.54, 11.69)
        case .slide: (13.333, 7.5)
        }
    }
}

public struct MapOptions: Sendable {
    public var variant: MapVariant = .network
    public var language: Language = .ja
    /// The area's name, first in the title (default: the network folder's name).
    public var area: String = ""
    public var sizeBy: SizeMeasure = .degree
    /// Mark recommended connections, articulation points and bridges.
    public var showGaps = false
    /// Agency ID at the centre of an ego map.
    public var focus: String?
    public var radius = 1
    /// The kind drawn by the `kind` variant.
    public var kind: TieKind?
    public var paper: Paper = .a4
    /// How hand-off counts are shown on referral maps (`CaseCountRule`).
    public var counts = CaseCountRule()

    public init() {}
}

/// Errors in what was asked of a map (not in the data).
public struct MapError: BilingualError {
    public var message: Text
    public var hint: Text? { nil }
}

/// A map before layout: the graph whose nodes the layout engine places, the isolated agencies
/// placed afterwards in their own box, and the legend.
public struct MapDrawing: Sendable {
    /// Nodes to lay out, every edge, and the graph's attributes (title, fonts, layout settings).
    public var graph: DOTGraph
    /// Agencies without ties, gathered in a labelled box below the map.
    public var isolated: [DOTGraph.Node]
    public var isolatedTitle: String
    public var legend: [LegendEntry]
    public var legendTitle: String
    public var paper: Paper
    /// Where every node goes, when the map is a table rather than a layout (`resources`): no
    /// layout engine places it.
    public var positions: [String: NodeBox]? = nil

    /// A line of the legend: a node drawn as it appears in the map, or an edge with its meaning.
    public enum LegendEntry: Sendable, Equatable {
        case node(label: String, attributes: [String: String])
        case edge(label: String, attributes: [String: String])
    }
}

extension MapDrawing {
    /// Builds the map of `analysis` that `options` asks for.
    public init(_ analysis: Analysis, _ options: MapOptions) throws {
        var builder = MapBuilder(analysis: analysis, options: options)
        self = try builder.build()
    }
}

struct MapBuilder {
    let analysis: Analysis
    let options: MapOptions
    var agencies: [Agency] { analysis.network.agencies }
    /// Whether agencies.csv names municipalities (an agency without one is then area-wide).
    let hasAreas: Bool

    init(analysis: Analysis, options: MapOptions) {
        (self.analysis, self.options) = (analysis, options)
        hasAreas = analysis.network.agencies.contains { $0.area != nil }
    }

    func say(_ text: Text) -> String { text(options.language) }

    mutating func build() throws -> MapDrawing {
        switch options.variant {
        case .network:
            return agencyMap(
                nodes: Array(agencies.indices), ties: analysis.network.ties, subtitle: say(.supportNetwork))
        case .kind:
            guard let kind = options.kind else {
                throw MapError(message: .chooseKind)
            }
            return agencyMap(
                nodes: Array(agencies.indices), ties: analysis.network.ties.filter { $0.kinds.contains(kind) },
                subtitle: say(.tiesOfKind(kind)), kind: kind)
        case .ego: return try egoMap()
        case .core: return coreMap()
        case .fields: return fieldMap()
        case .referrals: return referralMap()
        case .resources:
            guard analysis.services.hasProfiles else { throw MapError(message: .noProfiles) }
            return resourceMap()
        case .areas:
            guard !analysis.network.data.areas.isEmpty else { throw MapError(message: .noAreas) }
            return areaMap()
        }
    }

    // MARK: area map

    /// The municipalities as boxes on a circle around the box of area-wide agencies, each box a grid
    /// of its agencies sorted by field (so that its make-up shows in colour blocks); a line between
    /// two boxes, or from an area-wide agency to a box, is labelled with the number of ties it
    /// stands for. Ties inside a municipality are on its own map (`--area`).
    func areaMap() -> MapDrawing {
        var g = baseGraph(say(.areaMapTitle))
        var positions: [String: NodeBox] = [:]
        let cellWidth = 124.0, cellHeight = 46.0, title = 34.0
        let areas = analysis.network.data.areas
        func members(_ area: String?) -> [Int] {
            agencies.indices.filter { agencies[$0].area == area }.sorted {
                (agencies[$0].field.rawValue, agencies[$0].displayName) < (
                    agencies[$1].field.rawValue, agencies[$1].displayName
                )
            }
        }
        func size(_ count: Int) -> (columns: Int, width: Double, height: Double) {
            // About square: as many columns as rows are taller than cells are wide.
            let columns = max(2, Int((Double(count) * cellHeight / cellWidth).squareRoot().rounded(.up)))
            let rows = max(1, (count + columns - 1) / columns)
            return (columns, Double(columns) * cellWidth + 20, Double(rows) * cellHeight + title + 12)
        }
        let groups: [(id: String, label: String, members: [Int])] =
            [("area_wide", say(.areaWideBox), members(nil))]
            + areas.enumerated().map { ("area_\($0)", $1, members($1)) }
        let sizes = groups.map { size($0.members.count) }
        // The centre box at the origin; the others on a circle wide enough that neither they nor the
        // centre overlap: each box's half diagonal, plus room.
        let diagonal = sizes.map { ($0.width * $0.width + $0.height * $0.height).squareRoot() }
        let ring = diagonal.dropFirst().max() ?? 0, k = Double(max(areas.count, 1))
        let radius = max((diagonal[0] + ring) / 2 + 80, areas.count > 1 ? (ring + 60) / (2 * sin(.pi / k)) : 0)
        for (i, group) in groups.enumerated() {
            let angle = Double(i - 1) * 2 * .pi / k + .pi / 2
            let (cx, cy) = i == 0 ? (0.0, 0.0) : (radius * cos(angle), radius * sin(angle))
            let (columns, width, height) = sizes[i]
            g.nodes.append(
                DOTGraph.Node(
                    group.id,
                    [
                        "label": "\(group.label) (\(say(.agencyCount(group.members.count))))", "labelloc": "t",
                        "shape": "box", "style": i == 0 ? "rounded,dashed,filled" : "rounded,filled",
                        "fillcolor": "#FFFFFF", "fontsize": "16", "fixedsize": "true",
                        "width": String(format: "%.3f", width / 72), "height": String(format: "%.3f", height / 72),
                        "class": i == 0 ? "area area-wide" : "area",
                    ]))
            positions[group.id] = NodeBox(x: cx, y: cy, width: width, height: height)
            for (k, v) in group.members.enumerated() {
                let (row, column) = (k / columns, k % columns)
                let x = cx - width / 2 + 10 + (Double(column) + 0.5) * cellWidth
                let y = cy + height / 2 - title - (Double(row) + 0.5) * cellHeight
                var node = agencyNode(v, size: 0)
                node.attributes["label"] = MapStyle.wrap(agencies[v].displayName, width: 14)
                node.attributes["fontsize"] = "11"
                node.attributes["fixedsize"] = "true"
                node.attributes["width"] = String(format: "%.3f", (cellWidth - 10) / 72)
                node.attributes["height"] = String(format: "%.3f", (cellHeight - 8) / 72)
                g.nodes.append(node)
                positions[node.id] = NodeBox(x: x, y: y, width: cellWidth - 10, height: cellHeight - 8)
            }
        }
        // Ties between municipalities, and from each area-wide agency to each municipality, counted.
        let group = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, "area_\($0)") })
        var between: [[String]: Int] = [:]
        for tie in analysis.network.ties {
            let (a, b) = (agencies[tie.a], agencies[tie.b])
            switch (a.area, b.area) {
            case (let x?, let y?) where x != y: between[[group[x]!, group[y]!].sorted(), default: 0] += 1
            case (nil, let y?): between[[MapNodeID.agency(tie.a), group[y]!], default: 0] += 1
            case (let x?, nil): between[[MapNodeID.agency(tie.b), group[x]!], default: 0] += 1
            default: break
            }
        }
        let top = Double(between.values.max() ?? 1)
        for (ends, count) in between.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            g.edges.append(
                DOTGraph.Edge(
                    ends[0], ends[1],
                    [
                        "penwidth": String(format: "%.1f", 1 + 5 * Double(count) / top), "label": "\(count)",
                        "color": "#555555", "fontsize": "12", "class": "cross",
                    ]))
        }
        let fields = Field.allCases.filter { f in agencies.contains { $0.field == f } }
        var drawing = MapDrawing(
            graph: g, isolated: [], isolatedTitle: isolatedTitle,
            legend: fieldLegend(fields) + [
                .edge(label: say(.legendAreaTies), attributes: ["penwidth": "3", "color": "#555555"])
            ], legendTitle: say(.legendTitle), paper: options.paper)
        drawing.positions = positions
        return drawing
    }

    // MARK: resource map

    /// How many agencies a cell of the resource map lists before "and N more".
    static let resourceCellLimit = 12

    /// A table drawn as pinned nodes: a header row of age bands, a header column of services, and
    /// in each cell a box holding the agencies (by field colour) that offer the service to the band.
    /// A cell where the service is expected and missing is marked; one where it is not expected is grey.
    func resourceMap() -> MapDrawing {
        var g = baseGraph(say(.resourceMapTitle))
        var positions: [String: NodeBox] = [:]
        let matrix = analysis.services
        let headerWidth = 130.0, cellWidth = 170.0, rowHeight = 22.0, pad = 8.0
        func put(_ id: String, _ attributes: [String: String], x: Double, y: Double, width: Double, height: Double) {
            var attributes = attributes
            attributes["fixedsize"] = "true"
            attributes["width"] = String(format: "%.3f", width / 72)
            attributes["height"] = String(format: "%.3f", height / 72)
            g.nodes.append(DOTGraph.Node(id, attributes))
            positions[id] = NodeBox(x: x, y: y, width: width, height: height)
        }
        func columnX(_ c: Int) -> Double { headerWidth + (Double(c) + 0.5) * cellWidth }
        let bands = AgeBand.allCases
        for (c, band) in bands.enumerated() {
            put(
                "rh\(c)",
                [
                    "label": band.agesLabel(options.language), "shape": "box",
                    "fillcolor": "#e8eef7", "fontsize": "13",
                ],
                x: columnX(c), y: -15, width: cellWidth - 4, height: 30)
        }
        var top = -34.0
        for service in Service.allCases {
            let lines = bands.map { min(matrix[service, $0].count, Self.resourceCellLimit + 1) }.max() ?? 0
            let height = max(1, Double(lines)) * rowHeight + 2 * pad
            let centre = top - height / 2
            put(
                "rs\(service.rawValue)",
                [
                    "label": service.label(options.language), "shape": "box",
                    "fillcolor": "#e8eef7", "fontsize": "13",
                ],
                x: headerWidth / 2, y: centre, width: headerWidth - 4, height: height - 4)
            for (c, band) in bands.enumerated() {
                let ids = matrix[service, band], expected = service.expectedBands.contains(band)
                let cell = "rc\(service.rawValue)_\(c)"
                let fill = ids.isEmpty ? (expected ? "#f4c7c3" : "#eeeeee") : "#ffffff"
                let label = ids.isEmpty && expected ? say(.resourceMissing) : ""
                put(
                    cell,
                    [
                        "label": label, "shape": "box", "fillcolor": fill, "color": "#999999", "fontsize": "12",
                        "class": ids.isEmpty && expected ? "missing" : "cell",
                    ],
                    x: columnX(c), y: centre, width: cellWidth - 4, height: height - 4)
                for (k, v) in ids.prefix(Self.resourceCellLimit).enumerated() {
                    let a = agencies[v]
                    put(
                        "ra\(service.rawValue)_\(c)_\(v)",
                        [
                            "label": a.displayName, "tooltip": "\(a.name) (\(a.field.label(options.language)))",
                            "shape": "box", "fillcolor": MapStyle.colour(a.field),
                            "fontcolor": MapStyle.textColour(a.field), "fontsize": "10", "class": "agency",
                        ],
                        x: columnX(c), y: top - pad - (Double(k) + 0.5) * rowHeight, width: cellWidth - 16,
                        height: rowHeight - 3)
                }
                if ids.count > Self.resourceCellLimit {
                    put(
                        "rm\(service.rawValue)_\(c)",
                        [
                            "label": say(.moreAgencies(ids.count - Self.resourceCellLimit)), "shape": "plaintext",
                            "style": "", "fontsize": "10",
                        ],
                        x: columnX(c), y: top - pad - (Double(Self.resourceCellLimit) + 0.5) * rowHeight,
                        width: cellWidth - 16, height: rowHeight - 3)
                }
            }
            top -= height
        }
        let fields = Field.allCases.filter { f in
            Service.allCases.contains { s in matrix.offering(s).contains { agencies[$0].field == f } }
        }
        var drawing = MapDrawing(
            graph: g, isolated: [], isolatedTitle: isolatedTitle,
            legend: fieldLegend(fields) + [
                .node(
                    label: say(.resourceMissingLegend),
                    attributes: ["shape": "box", "style": "filled", "fillcolor": "#f4c7c3"])
            ], legendTitle: say(.legendTitle), paper: options.paper)
        drawing.positions = positions
        return drawing
    }

    // MARK: common parts

    func graphAttributes(_ subtitle: String) -> [String: String] {
        let year = analysis.network.data.fiscalYear.label(options.language)
        let (w, h) = options.paper.inches
        return [
            "label": [options.area, year, subtitle].filter { !$0.isEmpty }.joined(separator: " "),
            "labelloc": "t", "fontsize": "22", "fontname": MapStyle.font,
            // neato: seeded; stress majorisation stopped at a relative change of 1e-3 (half the
            // time of the default 1e-4 at 300 agencies, no visible difference); overlaps removed
            // (prism, starting from the layout scaled to 1.5 times the average node size rather than
            // 4: half the width for the sample's 51 agencies, so labels print twice as large).
            "overlap": "prism", "overlap_scaling": "-1.5", "sep": "+6", "splines": "false", "start": "1",
            "epsilon": "0.001",
            "outputorder": "edgesfirst", "bgcolor": "white", "pad": "0.3",
            "size": String(format: "%.2f,%.2f", w, h),
        ]
    }

    func baseGraph(_ subtitle: String, directed: Bool = false) -> DOTGraph {
        var g = DOTGraph(directed: directed)
        g.attributes = graphAttributes(subtitle)
        g.nodeDefaults = [
            "fontname": MapStyle.font, "fontsize": "12", "style": "filled", "penwidth": "0.8", "margin": "0.06,0.03",
        ]
        g.edgeDefaults = ["color": "#666666", "fontname": MapStyle.font, "fontsize": "11"]
        return g
    }

    /// The value node size shows, scaled to 0…1 over the agencies drawn.
    func sizes(_ nodes: [Int]) -> [Int: Double] {
        let values: [Double] = agencies.indices.map { v in
            let m = analysis.agencies[v]
            switch options.sizeBy {
            case .none: return 0
            case .degree: return Double(m.degree)
            case .betweenness: return m.betweenness
            case .closeness: return m.closeness
            case .harmonic: return m.harmonic
            case .pagerank: return m.pagerank
            case .eigenvector: return m.eigenvector ?? 0
            case .core: return Double(m.core)
            }
        }
        let top = nodes.map { values[$0] }.max() ?? 0
        return Dictionary(uniqueKeysWithValues: nodes.map { ($0, top > 0 ? values[$0] / top : 0) })
    }

    func agencyNode(_ v: Int, size: Double, marked: Bool = false) -> DOTGraph.Node {
        let a = agencies[v]
        let scale = 0.25 + 0.75 * size.squareRoot()
        // In a network of municipalities, an area-wide agency says so on every map.
        let mark = a.area == nil && hasAreas ? "\n" + say(.areaWideMark) : ""
        var attributes = [
            "label": MapStyle.wrap(a.displayName) + mark, "tooltip": "\(a.name) (\(a.field.label(options.language)))",
            "shape": MapStyle.shape(a.publicPrivate), "fillcolor": MapStyle.colour(a.field),
            "fontcolor": MapStyle.textColour(a.field),
            "width": String(format: "%.2f", 0.6 + 0.9 * scale), "height": String(format: "%.2f", 0.35 + 0.5 * scale),
            "fontsize": String(format: "%.0f", 14 + 5 * scale), "class": MapStyle.agencyClasses(a),
        ]
        if a.publicPrivate == .publicBody { attributes["style"] = "filled,rounded" }
        if marked {
            attributes["peripheries"] = "2"
            attributes["color"] = MapStyle.highlight
            attributes["penwidth"] = "2.5"
        }
        return DOTGraph.Node(MapNodeID.agency(v), attributes)
    }

    /// Ecomap conventions: thick for people who know each other well (2–3), thin for 1 or unknown,
    /// dotted with an arrow for a tie only one side named.
    func tieAttributes(_ tie: Tie, kind: TieKind?) -> (from: Int, to: Int, attributes: [String: String]) {
        let familiarity = tie.familiarity ?? 0
        var attributes = [
            "penwidth": familiarity >= 2 ? "3" : familiarity == 1 ? "1.5" : "1",
            "class": (["tie"] + tie.kinds.kinds.map { "kind-\($0.rawValue)" }).joined(separator: " "),
        ]
        if let kind { attributes["color"] = MapStyle.colour(kind) }
        // Hovering a tie names its agencies and what they do together, never internal IDs.
        attributes["tooltip"] = say(
            .tieTooltip(
                agencies[tie.a].displayName, agencies[tie.b].displayName,
                kinds: tie.kinds.kinds.map { $0.label(options.language) }, confirmed: tie.isConfirmed))
        guard !tie.isConfirmed else { return (tie.a, tie.b, attributes) }
        attributes["style"] = "dotted"
        attributes["dir"] = "forward"
        attributes["arrowsize"] = "0.6"
        return tie.reportAB != nil ? (tie.a, tie.b, attributes) : (tie.b, tie.a, attributes)
    }

    var isolatedTitle: String { say(.agenciesWithoutTies) }

    /// A legend entry per field: its box in its colour.
    func fieldLegend(_ fields: [Field]) -> [MapDrawing.LegendEntry] {
        fields.map { f in
            .node(
                label: f.label(options.language),
                attributes: [
                    "shape": "box", "style": "filled", "fillcolor": MapStyle.colour(f),
                    "fontcolor": MapStyle.textColour(f), "class": "field-\(f.rawValue)",
                ])
        }
    }

    func legend(fields: [Field], sectors: [PublicPrivate?], kind: TieKind?) -> [MapDrawing.LegendEntry] {
        var entries = fieldLegend(fields)
        for sector in sectors {
            guard let sector else { continue }
            var attributes = ["shape": MapStyle.shape(sector), "style": "filled", "fillcolor": "#FFFFFF"]
            if sector == .publicBody { attributes["style"] = "filled,rounded" }
            entries.append(.node(label: say(.sectorLegend(sector)), attributes: attributes))
        }
        let colour = kind.map(MapStyle.colour) ?? "#666666"
        entries.append(.edge(label: say(.legendStrongTie), attributes: ["penwidth": "3", "color": colour]))
        entries.append(.edge(label: say(.legendConfirmedTie), attributes: ["penwidth": "1.5", "color": colour]))
        entries.append(
            .edge(
                label: say(.legendOneSidedTie),
                attributes: ["style": "dotted", "dir": "forward", "arrowsize": "0.6", "color": colour]))
        if options.showGaps {
            entries.append(
                .edge(
                    label: say(.legendSuggested),
                    attributes: ["style": "dashed", "color": MapStyle.highlight, "penwidth": "2.5"]))
            entries.append(
                .node(
                    label: say(.legendCutPoint),
                    attributes: [
                        "shape": "ellipse", "style": "filled", "fillcolor": "#FFFFFF", "peripheries": "2",
                        "color": MapStyle.highlight, "penwidth": "2.5",
                    ]))
        }
        return entries
    }

    // MARK: agency maps

    func agencyMap(nodes: [Int], ties: [Tie], subtitle: String, kind: TieKind? = nil) -> MapDrawing {
        var g = baseGraph(subtitle)
        let included = Set(nodes)
        let shownTies = ties.filter { included.contains($0.a) && included.contains($0.b) }
        var degree = [Int: Int]()
        for t in shownTies { degree[t.a, default: 0] += 1; degree[t.b, default: 0] += 1 }
        let size = sizes(nodes)
        let marked = options.showGaps ? Set(analysis.cutPoints.articulationPoints) : []
        var isolated: [DOTGraph.Node] = []
        for v in nodes {
            let node = agencyNode(v, size: size[v] ?? 0, marked: marked.contains(v))
            if degree[v, default: 0] == 0 { isolated.append(node) } else { g.nodes.append(node) }
        }
        let bridges = options.showGaps ? Set(analysis.cutPoints.bridges) : []
        for tie in shownTies {
            var (from, to, attributes) = tieAttributes(tie, kind: kind)
            if bridges.contains(CutPoints.Pair(a: tie.a, b: tie.b)) { attributes["color"] = MapStyle.highlight }
            g.edges.append(DOTGraph.Edge(MapNodeID.agency(from), MapNodeID.agency(to), attributes))
        }
        if options.showGaps {
            for finding in analysis.findings where finding.kind == .recommendation {
                let ends = finding.agencies.compactMap { id in agencies.firstIndex { $0.id == id } }
                guard ends.count == 2, ends.allSatisfy(included.contains), degree[ends[0], default: 0] > 0,
                    degree[ends[1], default: 0] > 0
                else { continue }
                g.edges.append(
                    DOTGraph.Edge(
                        MapNodeID.agency(ends[0]), MapNodeID.agency(ends[1]),
                        [
                            "style": "dashed", "color": MapStyle.highlight, "penwidth": "2.5",
                            "tooltip": finding.message(options.language),
                        ]))
            }
        }
        let fields = Field.allCases.filter { f in nodes.contains { agencies[$0].field == f } }
        let sectors = [PublicPrivate.publicBody, .publicContracted, .privateBody, .voluntary].filter { s in
            nodes.contains { agencies[$0].publicPrivate == s }
        }
        return MapDrawing(
            graph: g, isolated: isolated, isolatedTitle: isolatedTitle,
            legend: legend(fields: fields, sectors: sectors, kind: kind), legendTitle: say(.legendTitle),
            paper: options.paper)
    }

    func egoMap() throws -> MapDrawing {
        guard let id = options.focus, let centre = agencies.firstIndex(where: { $0.id == id }) else {
            throw MapError(message: .focusNotFound(options.focus))
        }
        let g = analysis.network.worksWith
        var distance = [centre: 0], frontier = [centre]
        for step in 1...max(1, options.radius) {
            var next: [Int] = []
            for v in frontier {
                for w in g.successors(v) where distance[Int(w)] == nil { distance[Int(w)] = step; next.append(Int(w)) }
            }
            frontier = next
        }
        var drawing = agencyMap(
            nodes: distance.keys.sorted(), ties: analysis.network.ties,
            subtitle: say(.tiesAround(agencies[centre].displayName)))
        if let i = drawing.graph.nodes.firstIndex(where: { $0.id == MapNodeID.agency(centre) }) {
            drawing.graph.nodes[i].attributes["peripheries"] = "2"
            drawing.graph.nodes[i].attributes["penwidth"] = "3"
        }
        return drawing
    }

    /// The k-core with the smallest k that still has at most `coreMapLimit` agencies (Seidman
    /// 1983: every agency in it has at least k partners in it); if even the innermost core is
    /// larger, its `coreMapLimit` agencies with the most ties.
    func coreMap() -> MapDrawing {
        let byCore = analysis.agencies.indices.sorted {
            let (x, y) = (analysis.agencies[$0], analysis.agencies[$1])
            return (x.core, x.degree, -$0) > (y.core, y.degree, -$1)
        }
        var k = analysis.agencies.map(\.core).max() ?? 0
        var nodes = byCore.prefix { analysis.agencies[$0].core >= k }
        if nodes.count > coreMapLimit {
            // Those with the most ties, less any left without a tie among them.
            let chosen = Set(nodes.prefix(coreMapLimit)), g = analysis.network.worksWith
            let linked = chosen.filter { v in g.successors(v).contains { chosen.contains(Int($0)) } }.sorted()
            return agencyMap(
                nodes: linked, ties: analysis.network.ties,
                subtitle: say(.innermostCore(nodes.count, shown: linked.count)))
        } else {
            while k > 1 {
                let wider = byCore.prefix { analysis.agencies[$0].core >= k - 1 }
                guard wider.count <= coreMapLimit else { break }
                (k, nodes) = (k - 1, wider)
            }
        }
        k = nodes.map { analysis.agencies[$0].core }.min() ?? 0
        return agencyMap(
            nodes: nodes.sorted(), ties: analysis.network.ties,
            subtitle: say(.core(nodes.count, k: k)))
    }

    // MARK: field map

    func fieldMap() -> MapDrawing {
        var g = baseGraph(say(.tiesBetweenFields))
        // Ties routed around the boxes: a straight line could pass under a field it does not touch.
        g.attributes["splines"] = "true"
        let pairs = analysis.summary.fieldMixing
        let top = Double(pairs.filter { $0.a != $0.b }.map(\.observed).max() ?? 1)
        for field in Field.allCases {
            guard let inside = pairs.first(where: { $0.a == field && $0.b == field }) else { continue }
            let count = agencies.count { $0.field == field }
            // Sizes grow with the count up to 20 agencies, then slowly, so a national roll-up fits the page.
            let scale = count <= 20 ? Double(count) : 20 + 4 * log2(Double(count) / 20)
            let label = "\(field.label(options.language))\n" + say(.fieldBox(agencies: count, inside: inside.observed))
            g.nodes.append(
                DOTGraph.Node(
                    MapNodeID.field(field),
                    [
                        "label": label, "shape": "box", "style": "filled,rounded", "fillcolor": MapStyle.colour(field),
                        "fontcolor": MapStyle.textColour(field), "width": String(format: "%.2f", 1.2 + 0.08 * scale),
                        "height": String(format: "%.2f", 0.6 + 0.04 * scale), "fontsize": "13",
                    ]))
        }
        for pair in pairs where pair.a != pair.b && pair.observed > 0 {
            g.edges.append(
                DOTGraph.Edge(
                    MapNodeID.field(pair.a), MapNodeID.field(pair.b),
                    [
                        "penwidth": String(format: "%.1f", 1 + 7 * Double(pair.observed) / top),
                        "label": "\(pair.observed)",
                        "tooltip": say(.fieldPairTooltip(pair)),
                    ]))
        }
        let entries: [MapDrawing.LegendEntry] = [
            .edge(label: say(.legendFieldTies), attributes: ["penwidth": "4"])
        ]
        return MapDrawing(
            graph: g, isolated: [], isolatedTitle: isolatedTitle, legend: entries, legendTitle: say(.legendTitle),
            paper: options.paper)
    }

    // MARK: referral map

    func referralMap() -> MapDrawing {
        var g = baseGraph(say(.referralsTitle), directed: true)
        let n = agencies.count
        var count: [Int: Int] = [:], failed: [Int: Int] = [:]
        for r in analysis.network.data.referrals {
            count[r.from * n + r.to, default: 0] += 1
            if r.outcome?.isFailure == true { failed[r.from * n + r.to, default: 0] += 1 }
        }
        let involved = Set(count.keys.flatMap { [$0 / n, $0 % n] }).sorted()
        let size = sizes(involved)
        for v in involved { g.nodes.append(agencyNode(v, size: size[v] ?? 0)) }
        // A pair's hand-offs are the total of those that failed and the rest (`CaseCountRule`,
        // rule 2). Only what is shown sets a label, a width or a dash (rule 3): every hidden count
        // is drawn alike, thin, solid and unlabelled.
        let rule = CaseCountRule(
            threshold: max(options.counts.threshold, analysis.network.data.settings.threshold),
            exact: options.counts.exact)
        let shown = Dictionary(
            uniqueKeysWithValues: count.map { key, c in
                (key, rule.total(of: [failed[key] ?? 0, c - (failed[key] ?? 0)]))
            })
        func lower(_ shown: CaseCount) -> Int? {
            switch shown {
            case .exact(let n), .atLeast(let n): n;
            case .fewerThan: nil
            }
        }
        let top = Double(shown.values.compactMap(lower).max() ?? 1)
        for (key, c) in shown.sorted(by: { $0.key < $1.key }) {
            var attributes = ["penwidth": "1.0", "arrowsize": "0.8"]
            if let n = lower(c) {
                attributes["penwidth"] = String(format: "%.1f", 1.5 + 4.5 * Double(n) / top)
                attributes["label"] = c.short
            }
            let f = failed[key] ?? 0, rest = count[key]! - f
            if f > 0 && !rule.isHidden(f) && f >= rest {
                attributes["style"] = "dashed"
                attributes["color"] = MapStyle.highlight
            }
            g.edges.append(DOTGraph.Edge(MapNodeID.agency(key / n), MapNodeID.agency(key % n), attributes))
        }
        let fields = Field.allCases.filter { f in involved.contains { agencies[$0].field == f } }
        var entries = fieldLegend(fields)
        let t = rule.threshold
        if rule.exact {
            entries.append(.edge(label: say(.legendReferrals), attributes: ["penwidth": "3", "dir": "forward"]))
        } else {
            entries.append(
                .edge(label: say(.legendReferralsShown(t)), attributes: ["penwidth": "3", "dir": "forward"]))
            entries.append(
                .edge(label: say(.legendReferralsHidden(t)), attributes: ["penwidth": "1.0", "dir": "forward"]))
        }
        entries.append(
            .edge(
                label: say(.legendFailedReferrals(threshold: rule.exact ? nil : t)),
                attributes: ["penwidth": "2", "style": "dashed", "color": MapStyle.highlight, "dir": "forward"]))
        return MapDrawing(
            graph: g, isolated: [], isolatedTitle: isolatedTitle, legend: entries, legendTitle: say(.legendTitle),
            paper: options.paper)
    }
}

// MARK: maps across years

extension MapDrawing {
    /// Every agency of every year with the union of their ties, drawn at one size: the graph whose
    /// layout every year's map and the change map share, so that an agency stays where it is.
    /// Node ids are `u<k>`, k the position of the canonical ID in `allIDs`.
    public static func union(_ years: [Analysis], ids: [[String]], allIDs: [String], options: MapOptions) -> MapDrawing
    {
        var fixed = options
        fixed.sizeBy = .none
        let index = Dictionary(uniqueKeysWithValues: allIDs.enumerated().map { ($1, $0) })
        var node: [Int: DOTGraph.Node] = [:]
        var edges: Set<[Int]> = []
        for (y, analysis) in years.enumerated() {
            let builder = MapBuilder(analysis: analysis, options: fixed)
            for v in analysis.network.agencies.indices {
                var n = builder.agencyNode(v, size: 0)
                n.id = MapNodeID.unionAgency(index[ids[y][v]]!)
                node[index[ids[y][v]]!] = n  // the latest year's name and field win
            }
            for tie in analysis.network.ties {
                let (a, b) = (index[ids[y][tie.a]]!, index[ids[y][tie.b]]!)
                edges.insert([min(a, b), max(a, b)])
            }
        }
        let connected = Set(edges.joined())
        var g = MapBuilder(analysis: years.last!, options: fixed).baseGraph("")
        g.nodes = node.keys.sorted().filter(connected.contains).map { node[$0]! }
        g.edges = edges.sorted { $0.lexicographicallyPrecedes($1) }.map {
            DOTGraph.Edge(MapNodeID.unionAgency($0[0]), MapNodeID.unionAgency($0[1]), [:])
        }
        return MapDrawing(
            graph: g, isolated: node.keys.sorted().filter { !connected.contains($0) }.map { node[$0]! },
            isolatedTitle: "", legend: [], legendTitle: "", paper: options.paper)
    }

    /// The change map between two years on the shared layout: new ties in green, lost ties dashed
    /// in orange, kept ties grey; agencies that joined marked with a double border, agencies that
    /// closed in grey. Node ids as in `union`.
    public init(comparison c: YearComparison, allIDs: [String], options: MapOptions) {
        var fixed = options
        fixed.sizeBy = .none
        let index = Dictionary(uniqueKeysWithValues: allIDs.enumerated().map { ($1, $0) })
        let after = MapBuilder(analysis: c.after, options: fixed),
            before = MapBuilder(analysis: c.before, options: fixed)
        let years =
            "\(c.before.network.data.fiscalYear.label(options.language)) "
            + "→ \(c.after.network.data.fiscalYear.label(options.language))"
        var g = after.baseGraph(after.say(.changesInTies))
        g.attributes["label"] = [options.area, years, after.say(.changesInTies)].filter { !$0.isEmpty }.joined(
            separator: " ")
        let new = Set(c.newAgencies), closed = Set(c.closedAgencies)
        var nodes: [Int: DOTGraph.Node] = [:]
        for v in c.before.network.agencies.indices where closed.contains(c.beforeIDs[v]) {
            var n = before.agencyNode(v, size: 0)
            n.attributes["fillcolor"] = "#FFFFFF"
            n.attributes["fontcolor"] = "#777777"
            n.attributes["color"] = "#999999"
            n.attributes["style"] = "dashed"
            nodes[index[c.beforeIDs[v]]!] = n
        }
        for v in c.after.network.agencies.indices {
            var n = after.agencyNode(v, size: 0)
            if new.contains(c.afterIDs[v]) {
                n.attributes["peripheries"] = "2"
                n.attributes["color"] = "#009E73"
                n.attributes["penwidth"] = "2.5"
            }
            nodes[index[c.afterIDs[v]]!] = n
        }
        for k in nodes.keys { nodes[k]!.id = MapNodeID.unionAgency(k) }
        func edge(_ t: TieDifference, _ attributes: [String: String]) -> DOTGraph.Edge {
            DOTGraph.Edge(MapNodeID.unionAgency(index[t.a]!), MapNodeID.unionAgency(index[t.b]!), attributes)
        }
        g.edges =
            c.keptTies.map { edge($0, ["color": "#BBBBBB", "penwidth": "1.2"]) }
            + c.lostTies.map { edge($0, ["color": "#D55E00", "style": "dashed", "penwidth": "2"]) }
            + c.newTies.map { edge($0, ["color": "#009E73", "penwidth": "2.5"]) }
        let connected = Set(g.edges.flatMap { [$0.from, $0.to] })
        g.nodes = nodes.keys.sorted().map { nodes[$0]! }.filter { connected.contains($0.id) }
        let legend: [LegendEntry] = [
            .edge(label: after.say(.legendNewTie), attributes: ["color": "#009E73", "penwidth": "2.5"]),
            .edge(
                label: after.say(.legendLostTie), attributes: ["color": "#D55E00", "style": "dashed", "penwidth": "2"]),
            .edge(label: after.say(.legendKeptTie), attributes: ["color": "#BBBBBB", "penwidth": "1.2"]),
            .node(
                label: after.say(.legendJoined),
                attributes: [
                    "shape": "ellipse", "style": "filled", "fillcolor": "#FFFFFF", "peripheries": "2",
                    "color": "#009E73", "penwidth": "2.5",
                ]),
            .node(
                label: after.say(.legendClosed),
                attributes: ["shape": "ellipse", "style": "dashed", "color": "#999999", "fontcolor": "#777777"]),
        ]
        self.init(
            graph: g, isolated: nodes.keys.sorted().map { nodes[$0]! }.filter { !connected.contains($0.id) },
            isolatedTitle: after.isolatedTitle, legend: legend, legendTitle: after.say(.legendTitle),
            paper: options.paper)
    }
}

/// Every word the maps print: titles, legends, tooltips, and the errors in what was asked.
extension Text {
    static let supportNetwork = Text(ja: "支援ネットワーク", en: "support network")
    static let chooseKind = Text(ja: "--kind で連携内容を指定してください", en: "choose the kind of tie with --kind")
    static func tieTooltip(_ a: String, _ b: String, kinds: [String], confirmed: Bool) -> Text {
        let what = kinds.isEmpty ? "" : ": " + kinds.joined(separator: ";")
        return Text(
            ja: "\(a) — \(b)\(what)\(confirmed ? "" : " (一方だけが挙げたつながり)")",
            en: "\(a) — \(b)\(what)\(confirmed ? "" : " (named by one side only)")")
    }

    static let noAreas = Text(
        ja: "agencies.csv に「市区町村」(area) の列がないので、市区町村の地図は描けません",
        en: "agencies.csv has no area column, so there is no map of the area's municipalities to draw")
    static let areaMapTitle = Text(ja: "市区町村とそれをまたぐつながり", en: "municipalities and the ties across them")
    static let areaWideBox = Text(ja: "広域の機関", en: "area-wide agencies")
    static let areaWideMark = Text(ja: "(広域)", en: "(area-wide)")
    static func agencyCount(_ n: Int) -> Text { Text(ja: "\(n)機関", en: englishCount(n, "agency", "agencies")) }
    static let legendAreaTies = Text(
        ja: "線の数字・太さ: 市区町村をまたぐつながりの数", en: "number and width: ties across municipalities")
    static let noProfiles = Text(
        ja: "どの機関も agencies.csv に支援内容を書いていないので、社会資源マップは描けません",
        en: "no agency states its services in agencies.csv, so there is no resource map to draw")
    static let resourceMapTitle = Text(ja: "社会資源マップ (支援と年代)", en: "resource map (services by age)")
    static let resourceMissing = Text(ja: "なし", en: "none")
    static let resourceMissingLegend = Text(ja: "あるはずの年代にない支援", en: "missing where expected")
    static func moreAgencies(_ n: Int) -> Text { Text(ja: "ほか\(n)機関", en: "and \(n) more") }
    static func tiesOfKind(_ kind: TieKind) -> Text { Text(ja: "連携内容「\(kind.ja)」のつながり", en: "ties of kind \(kind.en)") }
    static let agenciesWithoutTies = Text(ja: "つながりのない機関", en: "agencies without ties")

    static func sectorLegend(_ sector: PublicPrivate) -> Text {
        switch sector {
        case .publicBody: Text(ja: "公", en: "public")
        case .publicContracted: Text(ja: "公設民営・委託", en: "public, contracted out")
        case .privateBody: Text(ja: "民間", en: "private")
        case .voluntary: Text(ja: "任意団体", en: "voluntary")
        }
    }

    static let legendTitle = Text(ja: "凡例", en: "Legend")
    static let legendStrongTie = Text(ja: "お互いに挙げた・よく知っている", en: "both named, know each other well")
    static let legendConfirmedTie = Text(ja: "お互いに挙げた", en: "both named")
    static let legendOneSidedTie = Text(ja: "一方だけが挙げた (矢印の向き)", en: "one side named (arrow)")
    static let legendSuggested = Text(ja: "提案するつながり", en: "suggested connection")
    static let legendCutPoint = Text(ja: "抜けると分断される機関", en: "the network splits without it")

    static func focusNotFound(_ focus: String?) -> Text {
        Text(
            ja: "--focus に機関IDを指定してください (\(focus ?? "なし") は見つかりません)",
            en: "give an agency ID with --focus (\(focus ?? "none") was not found)")
    }

    static func tiesAround(_ name: String) -> Text { Text(ja: "「\(name)」を中心としたつながり", en: "ties around \(name)") }

    static func innermostCore(_ agencies: Int, shown: Int) -> Text {
        Text(
            ja: "中核 (最も内側のコア\(agencies)機関のうち、つながりの多い\(shown)機関)",
            en: "the core (of the \(agencies) agencies of the innermost core, the \(shown) with the most ties)")
    }

    static func core(_ agencies: Int, k: Int) -> Text {
        Text(
            ja: "中核 (どの機関も互いに\(k)以上つながる\(agencies)機関)",
            en: "the core (\(agencies) agencies, each tied to at least \(k) of them)")
    }

    static let tiesBetweenFields = Text(ja: "分野どうしのつながり", en: "ties between fields")

    static func fieldBox(agencies: Int, inside: Int) -> Text {
        Text(
            ja: "\(agencies)機関・分野内 \(inside)本",
            en: "\(englishCount(agencies, "agency", "agencies")), \(englishCount(inside, "tie", "ties")) inside")
    }

    static func fieldPairTooltip(_ pair: FieldPair) -> Text {
        let expected = String(format: "%.1f", pair.expected)
        return Text(
            ja: "\(pair.a.ja)–\(pair.b.ja): \(pair.observed)本 (想定 \(expected))",
            en: "\(pair.a.en)–\(pair.b.en): \(englishCount(pair.observed, "tie", "ties")) (expected \(expected))")
    }

    static let legendFieldTies = Text(ja: "線の太さ・数字: 分野間のつながりの数", en: "width and number: ties between the fields")
    static let referralsTitle = Text(ja: "紹介の流れ (事例の記録から)", en: "hand-offs in the case records")
    static let legendReferrals = Text(ja: "紹介 (数字: 件数、太さ: 多さ)", en: "hand-offs (number: count; width: how many)")

    static func legendReferralsShown(_ t: Int) -> Text {
        Text(ja: "紹介 \(t)件以上 (数字: 件数、太さ: 多さ)", en: "\(t) or more hand-offs (number: count; width: how many)")
    }

    static func legendReferralsHidden(_ t: Int) -> Text {
        Text(ja: "紹介 \(t)件未満 (すべて同じ細い線。件数は示しません)", en: "fewer than \(t) hand-offs (all drawn alike; no count shown)")
    }

    /// `threshold` is nil for exact counts (an internal map).
    static func legendFailedReferrals(threshold: Int?) -> Text {
        guard let t = threshold else { return Text(ja: "半数以上がつながらなかった紹介", en: "half or more did not connect") }
        return Text(ja: "半数以上がつながらなかった紹介 (\(t)件以上のとき)", en: "half or more did not connect (where \(t) or more did not)")
    }

    static let changesInTies = Text(ja: "つながりの変化", en: "changes in ties")
    static let legendNewTie = Text(ja: "新しいつながり", en: "new tie")
    static let legendLostTie = Text(ja: "なくなったつながり", en: "lost tie")
    static let legendKeptTie = Text(ja: "続いているつながり", en: "kept tie")
    static let legendJoined = Text(ja: "新しく加わった機関", en: "agency that joined")
    static let legendClosed = Text(ja: "なくなった機関", en: "agency that closed")
}
