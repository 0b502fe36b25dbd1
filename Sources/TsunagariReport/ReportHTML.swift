import Foundation
import Mustache
import TsunagariKit

/// Everything the meeting report shows, with the maps already rendered as SVG.
public struct ReportInput: Sendable {
    public var history: NetworkHistory
    /// The year reported (index into `history.analyses`).
    public var year: Int
    /// The comparison with the year before, if there is one.
    public var comparison: YearComparison?
    public var area: String
    public var language: Language
    /// Exact case counts and survey notes, marked as internal on every page.
    public var internalUse: Bool
    /// The whole network, or the core map when `reportShowsCore`.
    public var networkMap: String
    /// The network maps of the years before `year`, on the layout `networkMap` shares (empty when
    /// `reportShowsCore`): the interactive map switches between them.
    public var earlierMaps: [String]
    public var fieldMap: String
    /// The change map since the previous year, if there is one (none for a large network).
    public var changeMap: String?
    public var trendCharts: [String]
    /// Ego map of each agency by ID, for the per-agency cards (`--cards`); empty for none.
    public var cardMaps: [String: String]
    /// Warnings from loading the data (errors stop the report before this point).
    public var warnings: [Diagnostic]
    /// The paper the page prints on (A4 or A3 landscape; a slide prints as A4).
    public var paper: Paper = .a4
    /// A health centre's area (several municipalities): the map of its municipalities, and each
    /// municipality's own network and map; nil and empty otherwise.
    public var areaMap: String?
    public var areas: [AreaPart] = []

    public init(
        history: NetworkHistory, year: Int, comparison: YearComparison?, area: String, language: Language,
        internalUse: Bool, networkMap: String, earlierMaps: [String] = [], fieldMap: String, changeMap: String?,
        trendCharts: [String], cardMaps: [String: String], warnings: [Diagnostic]
    ) {
        self.earlierMaps = earlierMaps
        (self.history, self.year, self.comparison, self.area) = (history, year, comparison, area)
        (self.language, self.internalUse, self.networkMap, self.fieldMap) = (
            language, internalUse, networkMap, fieldMap
        )
        (self.changeMap, self.trendCharts, self.cardMaps, self.warnings) = (changeMap, trendCharts, cardMaps, warnings)
    }
}

/// One municipality of the area as the report shows it: its own network (`YearData.restricted`)
/// analysed, and its map.
public struct AreaPart: Sendable {
    public var name: String
    public var analysis: Analysis
    public var map: String

    public init(name: String, analysis: Analysis, map: String) {
        (self.name, self.analysis, self.map) = (name, analysis, map)
    }
}

/// How many rows the report's reference lists (the agency table, the one-sided ties) hold in full;
/// beyond, they are cut with a count (the commands' CSV and workbooks have every row).
let reportCompleteLimit = 5_000

/// How many agencies a sentence of the summary names at most (the data section lists them all).
let briefListLimit = 10

/// How many ties an agency's card beside the interactive map lists at most (a dense network's
/// cards would otherwise hold every tie twice).
let cardTieLimit = 40

/// How many items a list of the report shows at most; the rest are counted (every finding is in
/// `tsunagari gaps --format csv`).
public let reportListLimit = 100

/// The meeting report: one self-contained HTML file (inline SVG and CSS, a few lines of script for
/// sorting the table), in the order a health centre presents it, printable on A4 landscape.
/// Written as polyglot markup: valid HTML that is also well-formed XML, so an XML parser checks it.
///
/// The page is `Resources/report.mustache` rendered from a `Page` of plain text: every `{{value}}`
/// is escaped by `xml` (only maps and charts, our own SVG, are inserted as markup), so forgetting
/// to escape is impossible; the CSS and the script are the resource files beside it.
public func reportHTML(_ input: ReportInput) -> String {
    ReportWriter(input).document()
}

/// The one-page handout (`report --handout`): the key numbers, the main findings and the network
/// map (or its core) on one A4 landscape page, for attendees to take away.
public func handoutHTML(_ input: ReportInput) -> String {
    ReportWriter(input).handout()
}

/// The report's template, style sheet and script, read once from the module's resources.
private let resources: (library: MustacheLibrary, css: String, script: String) = {
    MustacheContentTypes.register(XHTMLContent(), named: "XHTML")
    func text(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure(
                "resource \(name).\(ext) missing")
        }
        return text
    }
    var library = MustacheLibrary()
    for name in ["report", "table"] {
        do { try library.register(text(name, "mustache"), named: name) } catch {
            preconditionFailure("\(name).mustache: \(error)")
        }
    }
    return (library, text("report", "css"), text("report", "js"))
}()

/// `{{value}}` in the report's template: `xml` escaping (markup characters, and the characters no
/// writer lets through dropped).
private struct XHTMLContent: MustacheContentType {
    func escapeText(_ text: String) -> String { xml(text) }
}

/// What the template renders: plain text, and our own SVG for the maps and charts.
struct Page {
    var lang: String
    var title: String
    var subtitle: String
    var internalBanner: String?
    var sections: [Section]
    var css: String
    var script: String
}

struct Section {
    var id: String
    var title: String
    var cssClass: String? = nil
    var blocks: [Block]
}

/// One piece of a section; exactly one of its fields is set.
struct Block {
    var paragraph: String? = nil
    var note: String? = nil
    var notes: String? = nil
    /// A paragraph of lines separated by line breaks.
    var lines: Lines? = nil
    var heading: String? = nil
    var list: ItemList? = nil
    var details: Details? = nil
    var figure: Figure? = nil
    var charts: Charts? = nil
    var table: Table? = nil
    var definitions: Definitions? = nil
    var grid: Grid? = nil
    var explorer: Explorer? = nil

    // A list the template iterates sits in a struct of its own: a section over a bare array would
    // repeat the surrounding markup once per item.
    struct Lines { var items: [Line] }
    struct Line { var text: String; var br: Bool }
    struct Charts { var svgs: [String] }
    struct Definitions { var items: [Definition] }
    struct ItemList { var tag: String; var cssClass: String?; var items: [String]; var more: String? }
    /// A collapsed list or table: closed on screen, open on paper (the script opens it to print).
    struct Details {
        var summary: String; var items: [String] = []; var more: String? = nil; var table: Table? = nil
        /// Whether there is a list (a stored value: the template sees no computed ones).
        var hasItems: Bool
        init(summary: String, items: [String] = [], more: String? = nil, table: Table? = nil) {
            (self.summary, self.items, self.more, self.table, hasItems) = (summary, items, more, table, !items.isEmpty)
        }
    }
    struct Figure { var svg: String; var caption: String?; var page: Bool }
    struct Table {
        var cssClass: String; var sortable: Bool; var header: [String]; var rows: [Row]; var more: String?;
        var columns: Int
    }
    struct Row { var cells: [String] }
    struct Definition { var term: String; var text: String }
    /// A matrix with row and column headings; each cell a short text and its class.
    struct Grid { var caption: String; var columns: [String]; var rows: [GridRow]; var legend: String }
    struct GridRow { var label: String; var cells: [GridCell] }
    struct GridCell { var text: String; var cssClass: String }

    /// The interactive map: its controls (shown only when the script runs), the maps it switches
    /// between, a card per agency and the steps of presenter mode. Every word comes from the
    /// catalogue; the script only shows, hides and sets classes.
    struct Explorer {
        var texts: ExplorerTexts
        var names: [String]
        var fields: [Choice]
        var kinds: [Choice]
        var ages: [Choice]
        var years: [Choice]
        /// Whether there are years to switch between (a stored value: the template sees no computed ones).
        var hasYears: Bool
        var views: [View]
        var cards: [Card]
        var steps: [Step]
    }
    /// The words of the interactive map's controls.
    struct ExplorerTexts {
        var intro, search, notFound, fields, kinds, ages, allAges, years, reset, present, previous, next, stop: String
        var presenterHint, bannerPrefix, separator, panel, panelHint, notThisYear: String
    }
    struct Choice { var value: String; var label: String; var checked = false; var colour: String? = nil }
    struct View { var key: String; var svg: String; var caption: String; var hidden: Bool }
    struct Card {
        var id: String; var names: String; var title: String; var subtitle: String; var header: [String];
        var rows: [Row]; var more: String?; var findingsTitle: String; var findings: [String]
    }
    struct Step { var agencies: String; var text: String }

    static func p(_ text: String) -> Block { Block(paragraph: text) }
    static func h3(_ text: String) -> Block { Block(heading: text) }
    static func list(_ tag: String, _ cssClass: String? = nil, _ items: [String], more: String? = nil) -> Block {
        Block(list: ItemList(tag: tag, cssClass: cssClass, items: items, more: more))
    }
    static func figure(_ svg: String, _ caption: String?, page: Bool = false) -> Block {
        Block(figure: Figure(svg: svg, caption: caption, page: page))
    }
}

private struct ReportWriter {
    let input: ReportInput
    let analysis: Analysis
    let comparison: YearComparison?
    let findings: [Finding]
    /// Display names by agency ID.
    let displayNames: [String: String]
    /// How the findings count cases: exactly in an internal copy.
    let gapOptions: GapOptions

    init(_ input: ReportInput) {
        self.input = input
        analysis = input.history.analyses[input.year]
        comparison = input.comparison
        var options = GapOptions()
        options.counts = analysis.network.data.settings.counts(exact: input.internalUse)
        gapOptions = options
        findings = input.internalUse ? findGaps(analysis, options: options) : analysis.findings
        displayNames = Dictionary(analysis.network.agencies.map { ($0.id, $0.displayName) }) { first, _ in first }
    }

    func say(_ text: Text) -> String { text(input.language) }
    var agencies: [Agency] { analysis.network.agencies }
    var yearLabel: String { analysis.network.data.fiscalYear.label(input.language) }
    func name(_ id: String) -> String { displayNames[id] ?? id }
    /// The agencies' names, the first `limit` of them, and how many more.
    func names(_ ids: [String], limit: Int = reportListLimit) -> String {
        let shown = ids.prefix(limit).map(name).joined(separator: say(.listSeparator))
        let more = ids.count - min(ids.count, limit)
        return more > 0 ? shown + say(.andMoreAgencies(more)) : shown
    }

    /// A list of findings: the first `reportListLimit` and a last item counting the rest (the
    /// report stays bounded; `tsunagari gaps` lists every one).
    func items(_ tag: String, _ cssClass: String?, _ list: [Finding]) -> Block {
        .list(
            tag, cssClass, list.prefix(reportListLimit).map { say($0.message) },
            more: more(list.count, Text.moreFindings))
    }

    /// The last item of a list cut at `limit`, if it is cut.
    func more(_ count: Int, _ wording: (Int) -> Text, limit: Int = reportListLimit) -> String? {
        count > limit ? say(wording(count - limit)) : nil
    }

    func document() -> String {
        var sections =
            [summary(), maps(), gaps()]
            + (analysis.services.hasProfiles ? [serviceResources(), needsAndStrengths()] : [])
            + [fragility(), change(), agencyTable(), dataQuality(), method()]
        // A health centre's report opens with its municipalities side by side, then each one.
        if input.areaMap != nil { sections = areaSections() + sections }
        // Numbered as they come: the resource section is there only with profiles.
        for i in sections.indices { sections[i].title = "\(i + 1). " + sections[i].title }
        if !input.cardMaps.isEmpty { sections += cards() }
        let page = Page(
            lang: input.language.rawValue,
            title: say(.reportTitle(area: input.area, year: yearLabel)),
            subtitle: say(.reportSubtitle),
            internalBanner: input.internalUse ? say(.internalBanner) : nil,
            sections: sections,
            css: resources.css
                + (input.paper == .a3 ? "@page{size:A3 landscape}@media print{figure.view svg{max-height:235mm}}" : ""),
            script: resources.script)
        return resources.library.render(page, withTemplate: "report") ?? ""
    }

    func handout() -> String {
        let s = analysis.summary
        var numbers: [Block.Definition] = [
            .init(term: say(.handoutAgencies), text: "\(s.agencies)"),
            .init(term: say(.handoutTies), text: say(.handoutTieCount(s.ties, confirmed: s.confirmedTies))),
            .init(term: say(.handoutIsolated), text: "\(s.isolates.count)"),
            .init(term: say(.handoutRespondents), text: say(.handoutRespondentCount(s.respondents, of: s.agencies))),
        ]
        if let c = comparison {
            numbers.append(
                .init(
                    term: say(.handoutChange(c.before.network.data.fiscalYear.label(input.language))),
                    text: say(.handoutChangeCount(new: c.newTies.count, lost: c.lostTies.count))))
        }
        let caption = say(reportShowsCore(analysis.network) ? .coreMapCaption : .networkMapCaption)
        let section = Section(
            id: "handout", title: say(.keyFindingsTitle), cssClass: "handout",
            blocks: [
                .figure(inlineSVG(input.networkMap, prefix: "handout"), caption),
                Block(definitions: .init(items: numbers)),
                .list("ol", "key", keyFindings().map { say($0.message) }),
            ])
        let page = Page(
            lang: input.language.rawValue,
            title: say(.reportTitle(area: input.area, year: yearLabel)),
            subtitle: say(.handoutSubtitle),
            internalBanner: input.internalUse ? say(.internalBanner) : nil,
            sections: [section], css: resources.css, script: "")
        return resources.library.render(page, withTemplate: "report") ?? ""
    }

    // MARK: areas

    /// The municipalities side by side (the table and the area map), one section per municipality
    /// (its map, its main findings, each saying where), and the ties across municipalities.
    func areaSections() -> [Section] {
        let data = analysis.network.data
        let summaries = areaSummaries(data, kind: analysis.network.kind)
        let table = areaTable(summaries, names: displayNames, input.language)
        var sections = [
            Section(
                id: "areas", title: say(.areasTitle),
                blocks: [
                    .p(say(.areasIntro(data.areas.count))),
                    Block(
                        table: .init(
                            cssClass: "areas", sortable: false, header: table[0],
                            rows: table.dropFirst().map { .init(cells: $0) }, more: nil, columns: table[0].count)),
                    .figure(inlineSVG(input.areaMap ?? "", prefix: "areas"), say(.areaMapCaption)),
                ])
        ]
        for (k, part) in input.areas.enumerated() {
            let key = mainFindings(
                input.internalUse ? findGaps(part.analysis, options: gapOptions) : part.analysis.findings)
            sections.append(
                Section(
                    id: "area-\(k + 1)", title: part.name,
                    blocks: [
                        .p(say(areaSentence(summaries[k]))),
                        .figure(inlineSVG(part.map, prefix: "area\(k + 1)"), say(.areaOwnMapCaption(part.name))),
                        .h3(say(.keyFindingsTitle)),
                        key.isEmpty
                            ? .p(say(.noAreaFindings))
                            : .list("ol", "key", key.map { say(.inArea(part.name, $0.message)) }),
                    ]))
        }
        // Ties across municipalities, by pair of municipalities, and which agencies they join.
        let ties = crossAreaTies(analysis.network)
        var byPair: [[String]: [String]] = [:]
        let order = Dictionary(uniqueKeysWithValues: data.areas.enumerated().map { ($1, $0) })
        for tie in ties {
            let pair = [agencies[tie.a].area!, agencies[tie.b].area!].sorted { order[$0]! < order[$1]! }
            let (first, second) = agencies[tie.a].area == pair[0] ? (tie.a, tie.b) : (tie.b, tie.a)
            byPair[pair, default: []].append("\(agencies[first].displayName) — \(agencies[second].displayName)")
        }
        let rows = byPair.keys.sorted { (order[$0[0]]!, order[$0[1]]!) < (order[$1[0]]!, order[$1[1]]!) }.map { pair in
            Block.Row(cells: [
                pair.joined(separator: " — "), "\(byPair[pair]!.count)",
                byPair[pair]!.prefix(briefListLimit).joined(separator: say(.listSeparator))
                    + (byPair[pair]!.count > briefListLimit
                        ? say(.andMoreTies(byPair[pair]!.count - briefListLimit)) : ""),
            ])
        }
        sections.append(
            Section(
                id: "cross-area", title: say(.crossAreaTitle),
                blocks: rows.isEmpty
                    ? [.p(say(.noCrossAreaTies))]
                    : [
                        Block(
                            table: .init(
                                cssClass: "ties", sortable: false,
                                header: [say(.areaPairColumn), say(.tieCountColumn), say(.tiesColumn)], rows: rows,
                                more: nil, columns: 3))
                    ]))
        return sections
    }

    /// A municipality in one sentence: its size, the area-wide agencies it relies on, its ties across.
    func areaSentence(_ s: AreaSummary) -> Text {
        .areaSentence(
            s.area, agencies: s.agencies, ties: s.ties, reliedOn: s.dependsOn.map { name($0.id) },
            across: s.crossAreaTies)
    }

    // MARK: 1. summary

    func summary() -> Section {
        let s = analysis.summary
        var sentences = [
            say(
                .networkSize(
                    area: input.area, year: yearLabel, agencies: s.agencies, ties: s.ties,
                    confirmed: s.confirmedTies))
        ]
        if let c = comparison {
            let before = c.before.summary
            let previous = c.before.network.data.fiscalYear.label(input.language)
            sentences.append(
                say(
                    .sizeChange(
                        since: previous, agencies: (before.agencies, s.agencies), ties: (before.ties, s.ties),
                        new: c.newTies.count, lost: c.lostTies.count)))
            if let incomplete = c.incomplete {
                sentences.append(say(.incompleteYear(incomplete)))
            } else {
                let news = c.gapNews(input.language).closed.prefix(2)
                if !news.isEmpty { sentences.append(news.joined()) }
            }
        }
        // Isolated agencies the main findings tell already are not told twice.
        let key = keyFindings()
        let told = Set(key.filter { $0.kind == .isolated }.flatMap(\.agencies))
        let untold = s.isolates.filter { !told.contains($0) }
        if !untold.isEmpty {
            sentences.append(
                say(
                    told.isEmpty
                        ? .isolates(untold.count, names: names(untold, limit: briefListLimit))
                        : .otherIsolates(untold.count, names: names(untold, limit: briefListLimit))))
        }
        return Section(
            id: "summary", title: say(.summaryTitle),
            blocks: sentences.map(Block.p) + [
                .h3(say(.keyFindingsTitle)),
                .list("ol", "key", key.map { say($0.message) }),
            ])
    }

    /// The first five findings (they come gravest first), leaving out those only for reference.
    func keyFindings() -> [Finding] { mainFindings(findings) }

    // MARK: 2. maps

    func maps() -> Section {
        let n = analysis.agencies.count
        // `networkMap` holds the core map when `reportShowsCore` (see ReportInput).
        let blocks: [Block] =
            reportShowsCore(analysis.network)
            ? [
                Block(note: say(.coreOnly(agencies: n, ties: analysis.summary.ties))),
                .figure(inlineSVG(input.fieldMap, prefix: "fields"), say(.fieldMapCaption)),
                Block(explorer: explorer(caption: say(.coreMapCaption))),
            ]
            : [
                Block(explorer: explorer(caption: say(.networkMapCaption))),
                .figure(inlineSVG(input.fieldMap, prefix: "fields"), say(.fieldMapCaption), page: true),
            ]
        return Section(id: "maps", title: say(.mapsTitle), blocks: blocks)
    }

    /// The interactive map: the year's map (and the earlier years' and the change map on the same
    /// layout, to switch between), the filters, a card for every agency it draws, and the main
    /// findings as the steps of presenter mode. Agencies carry their canonical ID, the same in
    /// every year's map, so that a selection stays when the year changes.
    func explorer(caption: String) -> Block.Explorer {
        let history = input.history, language = input.language
        let y = input.year
        func mapAgencies(_ year: Int) -> [String: MapAgency] {
            let a = history.analyses[year].network.agencies
            return Dictionary(
                uniqueKeysWithValues: a.indices.map { i in
                    (
                        MapNodeID.agency(i),
                        MapAgency(
                            id: history.matching.canonical[year][i],
                            name: "\(a[i].name) (\(a[i].field.label(language)))")
                    )
                })
        }
        let label = { (year: Int) in history.analyses[year].network.data.fiscalYear.label(language) }
        var views = [
            Block.View(
                key: "y\(y)", svg: inlineSVG(input.networkMap, prefix: "network", agencies: mapAgencies(y)),
                caption: caption + say(.mapTextAlternative), hidden: false)
        ]
        var years = [Block.Choice(value: "y\(y)", label: label(y), checked: true)]
        if input.earlierMaps.count == y {
            for (k, map) in input.earlierMaps.enumerated() {
                views.append(
                    Block.View(
                        key: "y\(k)", svg: inlineSVG(map, prefix: "network\(k)", agencies: mapAgencies(k)),
                        caption: say(.earlierMapCaption(label(k))), hidden: true))
            }
            years = input.earlierMaps.indices.map { Block.Choice(value: "y\($0)", label: label($0)) } + years
            if let change = input.changeMap {
                // An agency of the change map by the name of the latest year it was in.
                var names: [String: String] = [:]
                for year in 0...y { for (_, agency) in mapAgencies(year) { names[agency.id] = agency.name } }
                let union = Dictionary(
                    uniqueKeysWithValues: history.allIDs.enumerated().map { k, id in
                        (MapNodeID.unionAgency(k), MapAgency(id: id, name: names[id] ?? id))
                    })
                views.append(
                    Block.View(
                        key: "change", svg: inlineSVG(change, prefix: "changeview", agencies: union),
                        caption: say(.changeMapCaption), hidden: true))
                years.append(Block.Choice(value: "change", label: say(.changeView)))
            }
        }
        let drawn = drawnNodes(input.networkMap)
        let canonical = history.matching.canonical[y]
        let shown = agencies.indices.filter { drawn.contains(MapNodeID.agency($0)) }
        let cards = shown.map { card($0, id: canonical[$0]) }
        let present = { (values: [Int]) in Set(values) }
        let fields = present(agencies.map { $0.field.rawValue })
        let kinds = present(analysis.network.ties.flatMap { $0.kinds.kinds.map(\.rawValue) })
        let steps = keyFindings().map { f in
            let ids =
                f.agencies.isEmpty
                ? agencies.indices.filter { f.fields.contains(agencies[$0].field) }.map { canonical[$0] }
                : f.agencies.compactMap { id in agencies.firstIndex { $0.id == id }.map { canonical[$0] } }
            let json = (try? JSONEncoder().encode(ids)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return Block.Step(agencies: json, text: say(f.message))
        }
        return Block.Explorer(
            texts: Block.ExplorerTexts(
                intro: say(.explorerIntro), search: say(.searchLabel), notFound: say(.searchNotFound),
                fields: say(.fieldFilter), kinds: say(.kindFilter), ages: say(.ageFilter), allAges: say(.allAges),
                years: say(.yearSwitch), reset: say(.resetView), present: say(.presenterMode),
                previous: say(.previousStep), next: say(.nextStep), stop: say(.stopPresenting),
                presenterHint: say(.presenterHint),
                bannerPrefix: say(.filterBanner), separator: say(.listSeparator), panel: say(.agencyPanel),
                panelHint: say(.agencyPanelHint), notThisYear: say(.notThisYear)),
            names: Array(Set(shown.flatMap { [agencies[$0].name, agencies[$0].displayName] + agencies[$0].aliases }))
                .sorted(),
            fields: Field.allCases.filter { fields.contains($0.rawValue) }.map {
                Block.Choice(value: "\($0.rawValue)", label: $0.label(language), colour: MapStyle.colour($0))
            },
            kinds: TieKind.allCases.filter { kinds.contains($0.rawValue) }.map {
                Block.Choice(value: "\($0.rawValue)", label: $0.label(language))
            },
            ages: AgeBand.allCases.map { Block.Choice(value: "\($0.rawValue)", label: $0.agesLabel(language)) },
            years: years, hasYears: years.count > 1, views: views, cards: cards, steps: steps)
    }

    /// The card of agency `i` beside the interactive map: its ties with kind, frequency and
    /// familiarity in words (the closest first, at most `cardTieLimit`; the agency table has the
    /// count), and the findings that name it.
    func card(_ i: Int, id: String) -> Block.Card {
        let a = agencies[i], language = input.language
        let ties = analysis.network.ties.filter { $0.a == i || $0.b == i }.sorted {
            ($0.isConfirmed ? 1 : 0, $0.familiarity ?? -1, $0.frequency?.rawValue ?? -1)
                > ($1.isConfirmed ? 1 : 0, $1.familiarity ?? -1, $1.frequency?.rawValue ?? -1)
        }
        let rows = ties.prefix(cardTieLimit).map { tie in
            let other = tie.a == i ? tie.b : tie.a
            let named: Text? =
                tie.isConfirmed ? nil : (tie.a == i) == (tie.reportAB != nil) ? .namedByThis : .namedByOther
            return Block.Row(cells: [
                agencies[other].displayName + (named.map { " (\(say($0)))" } ?? ""),
                tie.kinds.kinds.map { $0.label(language) }.joined(separator: say(.listSeparator)),
                tie.frequency.map { $0.label(language) } ?? "",
                tie.familiarity.map { say(.familiarity($0)) } ?? "",
            ])
        }
        let findings = findings.filter { $0.agencies.contains(a.id) }.prefix(8).map { say($0.message) }
        return Block.Card(
            id: id, names: ([a.name, a.displayName] + a.aliases).joined(separator: " / "), title: a.name,
            subtitle: [a.field.label(language), a.type.map { $0.label(language) }].compactMap { $0 }.joined(
                separator: " / "),
            header: [say(.partnersColumn), say(.kindColumn), say(.frequencyColumn), say(.familiarityColumn)],
            rows: Array(rows), more: ties.count > cardTieLimit ? say(.moreTies(ties.count - cardTieLimit)) : nil,
            findingsTitle: say(.cardFindings(findings.count)), findings: Array(findings))
    }

    // MARK: 3. gaps

    func gaps() -> Section {
        var blocks: [Block] = []
        // Field gaps below the gravest are in the grid of fields, not told one sentence each.
        let listed = findings.filter { $0.kind != .fieldGap || $0.severity == .high }
        for (severity, title) in [(Finding.Severity.high, Text.important), (.medium, .worthAttention)] {
            let list = listed.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            blocks += [.h3("\(say(title)) (\(list.count))"), items("ul", "findings \(severity.rawValue)", list)]
        }
        blocks += [.h3(say(.fieldGridTitle)), Block(grid: fieldGrid())]
        // Needs met by others are told in the resource section.
        let recommendations = findings.filter {
            if case .need = $0.evidence { return !analysis.services.hasProfiles }
            return $0.kind == .recommendation
        }
        if !recommendations.isEmpty { blocks += [.h3(say(.suggestedConnections)), items("ol", nil, recommendations)] }
        let other = listed.filter {
            $0.severity == .low && $0.kind != .recommendation && $0.kind != .oneSided && $0.kind != .noAnswer
        }
        if !other.isEmpty { blocks += [.h3(say(.forReference)), items("ul", "findings low", other)] }
        return Section(id: "gaps", title: say(.gapsTitle), blocks: blocks)
    }

    /// Every pair of the fields present: its ties, the ties its sizes and the density would lead
    /// one to expect, and how much the pathway matters; a missing core pathway stands out.
    func fieldGrid() -> Block.Grid {
        let present = Field.allCases.filter { f in agencies.contains { $0.field == f } }
        var pairs: [Set<Field>: FieldPair] = [:]
        for p in analysis.summary.fieldMixing { pairs[[p.a, p.b]] = p }
        let rows = present.map { a in
            Block.GridRow(
                label: a.label(input.language),
                cells: present.map { b in
                    let pair = pairs[[a, b]]
                    let observed = pair?.observed ?? 0, expected = pair?.expected ?? 0
                    if a == b { return Block.GridCell(text: say(.gridWithin(observed)), cssClass: "within") }
                    let pathway = analysis.network.data.settings.importance(a, b)
                    let text = say(.gridCell(observed, expected: expected, pathway))
                    let cssClass: String =
                        switch (observed, pathway) {
                        case (0, .core): "gap-core"
                        case (0, .common): "gap-common"
                        case (0, .notExpected): "none"
                        case (_, .core) where expected >= 2 && Double(observed) < expected / 4: "few"
                        default: "ok"
                        }
                    return Block.GridCell(text: text, cssClass: cssClass)
                })
        }
        return Block.Grid(
            caption: say(.fieldGridCaption), columns: present.map { $0.label(input.language) }, rows: rows,
            legend: say(.fieldGridLegend))
    }

    // MARK: resources (with profiles)

    /// The resource map as a grid (services × age bands, the agencies in each cell).
    func serviceResources() -> Section {
        let matrix = analysis.services
        let rows = Service.allCases.map { service in
            Block.GridRow(
                label: service.label(input.language),
                cells: AgeBand.allCases.map { band in
                    let ids = matrix[service, band].map { agencies[$0].id }
                    let expected = service.expectedBands.contains(band)
                    let shown = ids.prefix(4).map(name).joined(separator: say(.listSeparator))
                    let text =
                        ids.isEmpty ? "—" : ids.count > 4 ? shown + " " + say(.moreAgenciesShort(ids.count - 4)) : shown
                    let cssClass =
                        ids.isEmpty ? (expected ? "gap-core" : "none") : ids.count == 1 && expected ? "few" : "ok"
                    return Block.GridCell(text: text, cssClass: cssClass)
                })
        }
        let blocks: [Block] = [
            .p(say(.resourcesIntro)),
            Block(
                grid: Block.Grid(
                    caption: say(.resourcesCaption),
                    columns: AgeBand.allCases.map { $0.agesLabel(input.language) }, rows: rows,
                    legend: say(.resourcesLegend))),
        ]
        return Section(id: "resources", title: say(.resourcesTitle), blocks: blocks)
    }

    /// What agencies look for from each other (the group-work sheet): the needs others meet and
    /// have no tie for yet, then the strengths agencies state.
    func needsAndStrengths() -> Section {
        var blocks: [Block] = []
        let needs = findings.filter { if case .need = $0.evidence { true } else { false } }
        blocks += needs.isEmpty ? [.p(say(.noNeedsMet))] : [items("ul", nil, needs)]
        let strengths = agencies.filter { !$0.strengths.isEmpty }.map { a in
            "\(a.displayName): " + a.strengths.map { $0.label(input.language) }.joined(separator: say(.listSeparator))
        }
        if !strengths.isEmpty {
            blocks += [
                .h3(say(.strengthsTitle)),
                .list("ul", nil, Array(strengths.prefix(reportListLimit)), more: more(strengths.count, Text.moreItems)),
            ]
        }
        return Section(id: "needs", title: say(.needsTitle), blocks: blocks)
    }

    // MARK: 4. fragility

    func fragility() -> Section {
        var blocks: [Block] = [.p(say(.fragilityIntro))]
        if let e = analysis.summary.estimate {
            let bound = fixed(e.betweennessErrorBound * 100, digits: 1)
            blocks.append(Block(note: say(.sampledPaths(bound: bound, certain: e.certainTop10))))
        }
        let measures = analysis.agencies
        let brokers = measures.indices.filter { measures[$0].betweenness > 0 }
            .sorted { (measures[$0].betweenness, measures[$1].id) > (measures[$1].betweenness, measures[$0].id) }
            .prefix(5)
        blocks.append(.h3(say(.brokersTitle)))
        blocks.append(
            .list(
                "ul", nil,
                brokers.map { i in
                    say(
                        .broker(
                            agencies[i].displayName, degree: measures[i].degree,
                            percent: fixed(measures[i].betweenness * 100, digits: 1)))
                }))
        blocks.append(.h3(say(.cutPointsTitle)))
        let points = analysis.cutPoints.articulationPoints
        if points.isEmpty {
            blocks.append(.p(say(.noCutPoints)))
        } else {
            blocks.append(
                .list(
                    "ul", nil,
                    points.prefix(reportListLimit).map { p in
                        let cut = (analysis.cutPoints.cutOff[p] ?? []).map { agencies[$0].id }
                        return say(.cutOff(agencies[p].displayName, names: names(cut)))
                    }, more: more(points.count, Text.moreAgencies)))
        }
        let person = findings.filter { $0.kind == .personDependent || $0.kind == .bridge }
        if !person.isEmpty { blocks += [.h3(say(.fragileTies)), items("ul", nil, person)] }
        return Section(id: "fragility", title: say(.fragilityTitle), blocks: blocks)
    }

    // MARK: 5. change

    func change() -> Section {
        guard let c = comparison else {
            return Section(id: "change", title: say(.changeTitle), blocks: [.p(say(.noEarlierYear))])
        }
        var blocks: [Block] = [
            input.changeMap.map { .figure(inlineSVG($0, prefix: "change"), say(.changeMapCaption)) }
                ?? Block(note: say(.noChangeMap))
        ]
        // The important improvements in full; the minor ones counted.
        let news = c.gapNews(input.language)
        let important = zip(c.gapsClosed, news.closed).filter { $0.0.severity != .low }.map(\.1)
        let minor = news.closed.count - important.count
        if !news.closed.isEmpty {
            var items = Array(important.prefix(reportListLimit))
            if let more = more(important.count, Text.moreItems) { items.append(more) }
            if minor > 0 { items.append(say(.minorClosed(minor))) }
            if let incomplete = c.incomplete {
                blocks += [
                    .h3(say(.noLongerSeen)), Block(note: say(.incompleteYear(incomplete))), .list("ul", nil, items),
                ]
            } else {
                blocks += [.h3(say(.gotBetter)), .list("ul", nil, items)]
            }
        }
        let counts = analysis.network.data.settings.counts(exact: input.internalUse)
        let repeated = c.repeatedReviewGapsNews(counts, input.language)
        if let proposals = c.proposalNews(input.language) {
            blocks += [.h3(say(.proposalsHeading)), .p(proposals.summary), .list("ul", nil, proposals.items)]
            if let repeated { blocks.append(.p(repeated)) }
        } else if let repeated {
            blocks += [.h3(say(.proposalsHeading)), .p(repeated)]
        }
        blocks.append(
            Block(charts: .init(svgs: input.trendCharts.enumerated().map { inlineSVG($1, prefix: "chart\($0)") })))
        // The charts' numbers as a table: their text alternative.
        let trends = Array(input.history.trends.prefix(input.year + 1))
        if !input.trendCharts.isEmpty {
            let years = trends.map { FiscalYear($0.fiscalYear).label(input.language) }
            blocks.append(
                Block(
                    details: .init(
                        summary: say(.trendTable),
                        table: .init(
                            cssClass: "trends", sortable: false, header: [say(.trendColumn)] + years,
                            rows: trendSeries(trends).map { series in
                                .init(
                                    cells: [say(series.title)]
                                        + series.values.map { fixed($0, digits: series.digits) })
                            }, more: nil, columns: years.count + 1))))
        }
        func ties(_ heading: Text, _ list: [TieDifference]) -> [Block] {
            [
                .h3("\(say(heading)) (\(list.count))"),
                Block(
                    table: .init(
                        cssClass: "ties", sortable: false, header: [say(.agency), say(.agency)],
                        rows: list.prefix(reportListLimit).map { .init(cells: [name($0.a), name($0.b)]) },
                        more: more(list.count, Text.moreTies), columns: 2)),
            ]
        }
        blocks += ties(.newTies, c.newTies) + ties(.lostTies, c.lostTies)
        return Section(id: "change", title: say(.changeTitle), blocks: blocks)
    }

    // MARK: 6. agency table

    func agencyTable() -> Section {
        // Where the people are beside where the ties are: last year's consultations, when agencies
        // give them (an agency figure, under the small-count rule like a case count).
        let consultations = agencies.contains { $0.consultations != nil }
        let counts = analysis.network.data.settings.counts(exact: input.internalUse)
        let headers = (Text.agencyColumns + (consultations ? [Text.consultationsColumn] : [])).map(say)
        let rows = zip(analysis.agencies, agencies).map { m, a in
            Block.Row(
                cells: [
                    m.id, a.displayName, a.field.label(input.language), "\(m.degree)", "\(m.outDegree)",
                    "\(m.inDegree)", fixed(m.betweenness, digits: 3), fixed(m.closeness, digits: 3), "\(m.core)",
                    fixed(m.constraint, digits: 3), m.articulation ? "●" : "",
                ] + (consultations ? [a.consultations.map { counts.cell($0).short } ?? ""] : []))
        }
        func table(_ rows: [Block.Row], more: String? = nil) -> Block.Table {
            .init(cssClass: "sortable", sortable: true, header: headers, rows: rows, more: more, columns: headers.count)
        }
        // Up to `reportCompleteLimit` agencies every one is listed; beyond, each field's agencies
        // with the most ties, and a count of the rest (`analyze` has them all).
        let complete = rows.count <= reportCompleteLimit
        // A long table is grouped by field, each group collapsed on screen and open on paper.
        let grouped =
            rows.count <= reportListLimit
            ? [Block(table: table(rows))]
            : Field.allCases.compactMap { field -> Block? in
                let mine = agencies.indices.filter { agencies[$0].field == field }
                guard !mine.isEmpty else { return nil }
                let shown =
                    complete
                    ? mine
                    : mine.sorted { (analysis.agencies[$0].degree, $1) > (analysis.agencies[$1].degree, $0) }.prefix(
                        reportListLimit
                    ).sorted()
                return Block(
                    details: .init(
                        summary: say(.fieldGroup(field.label(input.language), mine.count)),
                        table: table(
                            shown.map { rows[$0] },
                            more: shown.count < mine.count ? say(.moreAgencyRows(mine.count - shown.count)) : nil)))
            }
        return Section(id: "agencies", title: say(.agenciesTitle), blocks: [.p(say(.agenciesIntro))] + grouped)
    }

    // MARK: 7. data quality

    func dataQuality() -> Section {
        let summary = analysis.summary
        let responded = Dictionary(analysis.agencies.map { ($0.id, $0.responded) }) { first, _ in first }
        let silent =
            findings.filter { $0.kind == .noAnswer }.flatMap(\.agencies)
            + summary.isolates.filter { !(responded[$0] ?? true) }
        var facts = [
            say(.respondents(summary.respondents, of: summary.agencies)),
            say(.silentAgencies) + (silent.isEmpty ? say(.noneListed) : names(silent)),
        ]
        let oneSided = findings.filter { $0.kind == .oneSided }
        facts.append(say(.oneSidedCount(oneSided.count)))
        let renamed = input.history.matching.matchedByName.filter { $0.year == input.year }
        if !renamed.isEmpty {
            facts.append(say(.matchedByName) + renamed.map { "\($0.id) → \($0.canonical)" }.joined(separator: ", "))
        }
        // A warning on the case file is about one hand-off: a meeting copy counts them under the
        // case-count rule and lists only the others.
        let rule = analysis.network.data.settings.counts(exact: input.internalUse)
        let onCases = input.warnings.filter {
            ($0.location.file as NSString).lastPathComponent == Schema.referrals.fileName
        }
        let listed = rule.exact ? input.warnings : input.warnings.filter { !onCases.contains($0) }
        var warnings = say(.readingWarnings(input.warnings.count - onCases.count))
        if !onCases.isEmpty { warnings += say(.caseWarnings(rule.cell(onCases.count).text)) }
        facts.append(warnings)
        var blocks: [Block] = [.list("ul", nil, facts)]
        if !oneSided.isEmpty {
            // The one-sided ties by the agency that named them: one row per agency, counted, its
            // first `briefListLimit` partners named (a dense network has hundreds of thousands).
            var named: [String: [String]] = [:]
            for f in oneSided where f.agencies.count == 2 { named[f.agencies[0], default: []].append(f.agencies[1]) }
            let order = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1.id, $0) })
            let naming = named.keys.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) }
            let rows = naming.prefix(reportCompleteLimit).map { id in
                Block.Row(cells: [name(id), names(named[id]!, limit: briefListLimit)])
            }
            blocks.append(
                Block(
                    details: .init(
                        summary: say(.oneSidedList),
                        table: .init(
                            cssClass: "ties", sortable: false, header: [say(.namingAgency), say(.notNamedBack)],
                            rows: Array(rows),
                            more: more(naming.count, Text.moreNamingAgencies, limit: reportCompleteLimit),
                            columns: 2))))
        }
        // Every agency without ties, by field, when the summary names only some of them.
        if summary.isolates.count > briefListLimit {
            let isolated = Set(summary.isolates)
            let rows = Field.allCases.compactMap { field -> Block.Row? in
                let ids = agencies.filter { $0.field == field && isolated.contains($0.id) }.map(\.displayName)
                return ids.isEmpty
                    ? nil : Block.Row(cells: [field.label(input.language), ids.joined(separator: say(.listSeparator))])
            }
            blocks.append(
                Block(
                    details: .init(
                        summary: say(.isolatedList(summary.isolates.count)),
                        table: .init(
                            cssClass: "ties", sortable: false, header: [say(.fieldColumn), say(.agency)], rows: rows,
                            more: nil, columns: 2))))
        }
        if !listed.isEmpty {
            blocks.append(
                .list(
                    "ul", "warnings", listed.prefix(reportListLimit).map { $0.message(input.language) },
                    more: more(listed.count, Text.moreWarnings)))
        }
        return Section(id: "quality", title: say(.qualityTitle), blocks: blocks)
    }

    // MARK: 8. method

    func method() -> Section {
        let notes = Text.methodNotes(exactCounts: input.internalUse)
        return Section(
            id: "method", title: say(.methodTitle),
            blocks: [
                Block(definitions: .init(items: notes.map { .init(term: say($0.term), text: say($0.text)) })),
                .p(say(.reproducible)),
            ])
    }

    // MARK: cards

    func cards() -> [Section] {
        agencies.enumerated().map { i, a in
            var blocks: [Block] = [.p("\(a.name) — \(a.field.label(input.language))")]
            // The profile: what it offers, and where the people are beside where the ties are.
            let counts = analysis.network.data.settings.counts(exact: input.internalUse)
            var profile: [String] = []
            if !a.services.isEmpty {
                profile.append(
                    say(.cardServices)
                        + a.services.map { $0.service.label(input.language) }.joined(separator: say(.listSeparator)))
            }
            if let n = a.consultations { profile.append(say(.cardConsultations(counts.cell(n).text))) }
            if !a.needs.isEmpty {
                profile.append(
                    say(.cardNeeds) + a.needs.map { $0.label(input.language) }.joined(separator: say(.listSeparator)))
            }
            if !profile.isEmpty { blocks.append(.p(profile.joined(separator: " / "))) }
            var byKind: [TieKind: [String]] = [:], unstated: [String] = []
            var notes: [String] = []
            for tie in analysis.network.ties where tie.a == i || tie.b == i {
                let other = tie.a == i ? tie.b : tie.a
                for kind in tie.kinds.kinds { byKind[kind, default: []].append(agencies[other].displayName) }
                if tie.kinds.kinds.isEmpty { unstated.append(agencies[other].displayName) }
                if input.internalUse {
                    for r in [tie.reportAB, tie.reportBA].compactMap({ $0 })
                    where analysis.network.data.reports[r].reporter == i {
                        let note = analysis.network.data.reports[r].note
                        if !note.isEmpty { notes.append("\(agencies[other].displayName): \(note)") }
                    }
                }
            }
            var rows = TieKind.allCases.compactMap { kind in byKind[kind].map { (kind.label(input.language), $0) } }
            if !unstated.isEmpty { rows.append((say(.kindNotGiven), unstated)) }
            blocks.append(
                Block(
                    table: .init(
                        cssClass: "card", sortable: false, header: [say(.kindColumn), say(.partnersColumn)],
                        rows: rows.map { .init(cells: [$0.0, $0.1.joined(separator: say(.listSeparator))]) },
                        more: nil, columns: 2)))
            if let map = input.cardMaps[a.id] { blocks.append(.figure(inlineSVG(map, prefix: "card\(i)"), nil)) }
            if let c = comparison {
                let id = c.afterIDs[i]
                let gained = c.newTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                let lost = c.lostTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                blocks.append(
                    Block(
                        lines: .init(items: [
                            .init(
                                text: say(.newPartners) + (gained.isEmpty ? say(.noneListed) : names(gained)),
                                br: true),
                            .init(
                                text: say(.lostPartners) + (lost.isEmpty ? say(.noneListed) : names(lost)), br: false),
                        ])))
            }
            if !notes.isEmpty { blocks.append(Block(notes: say(.internalNotes) + notes.joined(separator: " / "))) }
            return Section(id: "card-\(i)", title: a.displayName, cssClass: "card", blocks: blocks)
        }
    }
}
