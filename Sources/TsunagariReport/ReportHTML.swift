import Foundation
import Mustache
import TsunagariKit

/// Everything the meeting report shows, with the maps already rendered as SVG.
public struct ReportInput: Sendable {
    public var history: NetworkHistory
    /// The year reported (index into `history.analyses`).
    public var year: Int
    public var area: String
    public var language: Language
    /// Exact case counts and survey notes, marked as internal on every page.
    public var internalUse: Bool
    /// The whole network, or the core map when `showsCoreOnly`.
    public var networkMap: String
    public var fieldMap: String
    /// The change map since the previous year, if there is one (none for a large network).
    public var changeMap: String?
    public var trendCharts: [String]
    /// Ego map of each agency by ID, for the per-agency cards (`--cards`); empty for none.
    public var cardMaps: [String: String]
    /// Warnings from loading the data (errors stop the report before this point).
    public var warnings: [Diagnostic]

    public init(history: NetworkHistory, year: Int, area: String, language: Language, internalUse: Bool,
                networkMap: String, fieldMap: String, changeMap: String?, trendCharts: [String],
                cardMaps: [String: String], warnings: [Diagnostic]) {
        (self.history, self.year, self.area, self.language, self.internalUse) = (history, year, area, language, internalUse)
        (self.networkMap, self.fieldMap, self.changeMap, self.trendCharts) = (networkMap, fieldMap, changeMap, trendCharts)
        (self.cardMaps, self.warnings) = (cardMaps, warnings)
    }
}

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

/// The report's template, style sheet and script, read once from the module's resources.
private let resources: (library: MustacheLibrary, css: String, script: String) = {
    MustacheContentTypes.register(XHTMLContent(), named: "XHTML")
    func text(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { preconditionFailure("resource \(name).\(ext) missing") }
        return text
    }
    var library = MustacheLibrary()
    do { try library.register(text("report", "mustache"), named: "report") } catch { preconditionFailure("report.mustache: \(error)") }
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

    // A list the template iterates sits in a struct of its own: a section over a bare array would
    // repeat the surrounding markup once per item.
    struct Lines { var items: [Line] }
    struct Line { var text: String; var br: Bool }
    struct Charts { var svgs: [String] }
    struct Definitions { var items: [Definition] }
    struct ItemList { var tag: String; var cssClass: String?; var items: [String]; var more: String? }
    struct Details { var summary: String; var items: [String]; var more: String? }
    struct Figure { var svg: String; var caption: String?; var page: Bool }
    struct Table { var cssClass: String; var sortable: Bool; var header: [String]; var rows: [Row]; var more: String?; var columns: Int }
    struct Row { var cells: [String] }
    struct Definition { var term: String; var text: String }

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
    let ja: Bool
    /// Display names by agency ID.
    let displayNames: [String: String]

    init(_ input: ReportInput) {
        self.input = input
        analysis = input.history.analyses[input.year]
        comparison = input.year > 0 ? input.history.comparison(from: input.year - 1, to: input.year) : nil
        var options = GapOptions()
        options.counts = CaseCountRule(exact: input.internalUse)
        findings = input.internalUse ? findGaps(analysis, options: options) : analysis.findings
        ja = input.language == .ja
        displayNames = Dictionary(analysis.network.agencies.map { ($0.id, $0.displayName) }) { first, _ in first }
    }

    func t(_ ja: String, _ en: String) -> String { self.ja ? ja : en }
    var agencies: [Agency] { analysis.network.agencies }
    var yearLabel: String { analysis.network.data.fiscalYear.label(input.language) }
    func name(_ id: String) -> String { displayNames[id] ?? id }
    /// The agencies' names, the first `reportListLimit` of them, and how many more.
    func names(_ ids: [String]) -> String {
        let shown = ids.prefix(reportListLimit).map(name).joined(separator: t("、", ", "))
        let more = ids.count - min(ids.count, reportListLimit)
        return more > 0 ? shown + t("、ほか\(more)機関", ", and \(more) more") : shown
    }

    /// A list of findings: the first `reportListLimit` and a last item counting the rest (the
    /// report stays bounded; `tsunagari gaps` lists every one).
    func items(_ tag: String, _ cssClass: String?, _ list: [Finding]) -> Block {
        .list(tag, cssClass, list.prefix(reportListLimit).map { $0.message(input.language) }, more: more(list.count))
    }

    func more(_ count: Int) -> String? {
        count > reportListLimit
            ? t("ほか\(count - reportListLimit)件 (すべては tsunagari gaps --format csv で一覧できます)", "and \(count - reportListLimit) more (tsunagari gaps --format csv lists them all)")
            : nil
    }

    func document() -> String {
        var sections = [summary(), maps(), gaps(), fragility(), change(), agencyTable(), dataQuality(), method()]
        if !input.cardMaps.isEmpty { sections += cards() }
        let page = Page(
            lang: ja ? "ja" : "en",
            title: "\(input.area) \(yearLabel) " + t("ひきこもり支援ネットワーク 報告", "hikikomori support network report"),
            subtitle: t("作成: Tsunagari。数値は順位ではなく、「だれがだれをつないでいるか」「何が足りないか」を示すものです。",
                        "Made with Tsunagari. The numbers are not a ranking: they show who connects whom and what is missing."),
            internalBanner: input.internalUse ? t("内部資料: 事例の正確な件数と備考を含みます。会議で配布しないでください。",
                                                  "Internal: exact case counts and notes included. Not for distribution at meetings.") : nil,
            sections: sections, css: resources.css, script: resources.script)
        return resources.library.render(page, withTemplate: "report") ?? ""
    }

    // MARK: 1. summary

    func summary() -> Section {
        let s = analysis.summary
        var sentences = [t("\(input.area)の\(yearLabel)の支援ネットワークには\(s.agencies)の機関が参加し、\(s.ties)本のつながりがあります。そのうち\(s.confirmedTies)本は、お互いに相手を連携先に挙げたつながりです。",
                           "In \(yearLabel), \(englishCount(s.agencies, "agency", "agencies")) take part in \(input.area)'s support network, with \(englishCount(s.ties, "tie", "ties")); in \(s.confirmedTies) of them both agencies named each other.")]
        if let c = comparison {
            let before = c.before.summary
            let previous = c.before.network.data.fiscalYear.label(input.language)
            sentences.append(t("\(previous)と比べて、機関は\(before.agencies)から\(s.agencies)に、つながりは\(before.ties)本から\(s.ties)本になりました (新しいつながり\(c.newTies.count)本、なくなったつながり\(c.lostTies.count)本)。",
                               "Since \(previous), agencies went from \(before.agencies) to \(s.agencies) and ties from \(before.ties) to \(s.ties) (\(c.newTies.count) new, \(c.lostTies.count) lost)."))
            let news = c.gapNews(input.language).closed.prefix(2)
            if !news.isEmpty { sentences.append(news.joined()) }
        }
        if !s.isolates.isEmpty {
            sentences.append(t("\(s.isolates.count)の機関 (\(names(s.isolates))) はどの機関ともつながっていません。", s.isolates.count == 1 ? "1 agency (\(names(s.isolates))) has no ties." : "\(s.isolates.count) agencies (\(names(s.isolates))) have no ties."))
        }
        return Section(id: "summary", title: t("1. 要約", "1. Summary"), blocks: sentences.map(Block.p) + [
            .h3(t("特に見ていただきたい点", "The main findings")),
            .list("ol", "key", keyFindings().map { $0.message(input.language) }),
        ])
    }

    /// Three to five findings, the most serious first, one of each kind where possible.
    func keyFindings() -> [Finding] {
        let serious = findings.filter { $0.severity != .low }
        var chosen: [Finding] = [], kinds: Set<Finding.Kind> = []
        for f in serious where !kinds.contains(f.kind) && chosen.count < 5 { chosen.append(f); kinds.insert(f.kind) }
        for f in serious where chosen.count < 3 && !chosen.contains(f) { chosen.append(f) }
        return chosen
    }

    // MARK: 2. maps

    func maps() -> Section {
        let fieldCaption = t("分野どうしのつながり。線の太さと数字は分野の間のつながりの数です。", "Ties between fields: line width and number give the count.")
        let n = analysis.agencies.count
        let ties = analysis.summary.ties
        func svg(_ map: String, _ prefix: String) -> String { inlineSVG(map, prefix: prefix) }
        // `networkMap` holds the core map when `showsCoreOnly` (see ReportInput).
        let blocks: [Block] = showsCoreOnly(analysis.network)
            ? [Block(note: t("機関が\(n)、つながりが\(ties)本あり、全体の図では線が重なって読み取れないため、分野どうしのつながりの図と、ネットワークの中核の図を示します。個々の機関のまわりは tsunagari map --variant ego --focus ID で描けます。", "With \(n) agencies and \(ties) ties a map of the whole network would be an unreadable tangle, so the report shows the ties between fields and the core of the network. Draw the surroundings of one agency with tsunagari map --variant ego --focus ID.")),
               .figure(svg(input.fieldMap, "fields"), fieldCaption),
               .figure(svg(input.networkMap, "network"), t("ネットワークの中核: どの機関も互いに多くつながっている機関の集まり (k-コア)。色は分野、形は官民です。", "The core of the network: agencies that are all tied to many of each other (a k-core). Colour shows the field, shape public or private."), page: true)]
            : [.figure(svg(input.networkMap, "network"), t("色は分野、形は官民 (四角: 公、六角形: 公設民営・委託、楕円: 民間、ひし形: 任意団体)、大きさはつながりの数。太い線はお互いによく知っている関係、点線の矢印は一方だけが挙げたつながりです。", "Colour shows the field, shape public or private (square: public, hexagon: contracted, oval: private, diamond: voluntary), size the number of ties. Thick lines: people know each other well; dotted arrows: only one side named the tie.")),
               .figure(svg(input.fieldMap, "fields"), fieldCaption, page: true)]
        return Section(id: "maps", title: t("2. ネットワークの地図", "2. The network map"), blocks: blocks)
    }

    // MARK: 3. gaps

    func gaps() -> Section {
        var blocks: [Block] = []
        let groups: [(Finding.Severity, String, String)] = [(.high, "重要", "Important"), (.medium, "注意", "Worth attention")]
        for (severity, jaTitle, enTitle) in groups {
            let list = findings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            blocks += [.h3("\(t(jaTitle, enTitle)) (\(list.count))"), items("ul", "findings \(severity.rawValue)", list)]
        }
        let recommendations = findings.filter { $0.kind == .recommendation }
        if !recommendations.isEmpty { blocks += [.h3(t("つながりの提案", "Suggested connections")), items("ol", nil, recommendations)] }
        let other = findings.filter { $0.severity == .low && $0.kind != .recommendation && $0.kind != .oneSided && $0.kind != .noAnswer }
        if !other.isEmpty { blocks += [.h3(t("参考", "For reference")), items("ul", "findings low", other)] }
        return Section(id: "gaps", title: t("3. 気づいた点と提案", "3. Gaps and suggestions"), blocks: blocks)
    }

    // MARK: 4. fragility

    func fragility() -> Section {
        var blocks: [Block] = [.p(t("ほかの機関どうしの間に立ってつないでいる機関と、抜けるとネットワークが分かれてしまう点です。負担が集中していないか、担当が替わっても続く仕組みがあるかを話し合う材料にしてください。",
                                    "Agencies that stand between others, and the points where the network would split. Use them to discuss whether the load is shared and whether ties would survive a change of staff."))]
        let brokers = analysis.agencies.indices.filter { analysis.agencies[$0].betweenness > 0 }
            .sorted { (analysis.agencies[$0].betweenness, analysis.agencies[$1].id) > (analysis.agencies[$1].betweenness, analysis.agencies[$0].id) }.prefix(5)
        blocks.append(.h3(t("ほかの機関どうしを多くつないでいる機関", "Agencies that connect others most often")))
        blocks.append(.list("ul", nil, brokers.map { i in
            let m = analysis.agencies[i]
            return t("「\(agencies[i].displayName)」: つながり\(m.degree)本。ほかの機関どうしを結ぶ最短の道の\(fixed(m.betweenness * 100, digits: 1))%がここを通ります。",
                     "\(agencies[i].displayName): \(m.degree) ties; \(fixed(m.betweenness * 100, digits: 1))% of shortest ways between other agencies pass through it.")
        }))
        blocks.append(.h3(t("抜けるとネットワークが分かれる機関", "Agencies the network splits without")))
        let points = analysis.cutPoints.articulationPoints
        if points.isEmpty {
            blocks.append(.p(t("ありません。どの機関が抜けても、ほかの機関どうしはつながったままです。", "None: whichever agency steps back, the others stay connected.")))
        } else {
            blocks.append(.list("ul", nil, points.prefix(reportListLimit).map { p in
                let cut = (analysis.cutPoints.cutOff[p] ?? []).map { agencies[$0].id }
                return t("「\(agencies[p].displayName)」が抜けると: \(names(cut)) が切り離されます。", "Without \(agencies[p].displayName): \(names(cut)) would be cut off.")
            }, more: points.count > reportListLimit ? t("ほか\(points.count - reportListLimit)機関", "and \(points.count - reportListLimit) more") : nil))
        }
        let person = findings.filter { $0.kind == .personDependent || $0.kind == .bridge }
        if !person.isEmpty { blocks += [.h3(t("途切れやすいつながり", "Fragile ties")), items("ul", nil, person)] }
        return Section(id: "fragility", title: t("4. ネットワークを支えているところ", "4. What holds the network together"), blocks: blocks)
    }

    // MARK: 5. change

    func change() -> Section {
        let title = t("5. 前年度からの変化", "5. Change since last year")
        guard let c = comparison else {
            return Section(id: "change", title: title, blocks: [.p(t("前年度のデータがないため、変化はまだ示せません。", "There is no earlier year to compare with yet."))])
        }
        var blocks: [Block] = [input.changeMap.map {
            .figure(inlineSVG($0, prefix: "change"), t("緑の線は新しいつながり、オレンジの破線はなくなったつながり、灰色は続いているつながり。機関の位置は毎年同じです。",
                                                      "Green: new ties; dashed orange: lost ties; grey: kept ties. Agencies keep their places every year."))
        } ?? Block(note: t("機関が多いため、変化の図は省き、表で示します。", "With this many agencies the change is shown in tables, without a map."))]
        // The important improvements in full; the minor ones counted.
        let news = c.gapNews(input.language)
        let important = zip(c.gapsClosed, news.closed).filter { $0.0.severity != .low }.map(\.1)
        let minor = news.closed.count - important.count
        if !news.closed.isEmpty {
            var items = Array(important.prefix(reportListLimit))
            if important.count > reportListLimit { items.append(t("ほか\(important.count - reportListLimit)件", "and \(important.count - reportListLimit) more")) }
            if minor > 0 { items.append(t("ほか、参考程度の点が\(minor)件解消しました。", "and \(minor) minor points no longer apply.")) }
            blocks += [.h3(t("よくなったこと", "What got better")), .list("ul", nil, items)]
        }
        blocks.append(Block(charts: .init(svgs: input.trendCharts.enumerated().map { inlineSVG($1, prefix: "chart\($0)") })))
        func ties(_ heading: String, _ list: [TieDifference]) -> [Block] {
            let more = list.count > reportListLimit
                ? t("ほか\(list.count - reportListLimit)本 (tsunagari compare --format csv で一覧できます)", "and \(list.count - reportListLimit) more (tsunagari compare --format csv lists them all)") : nil
            return [.h3("\(heading) (\(list.count))"),
                    Block(table: .init(cssClass: "ties", sortable: false, header: [t("機関", "agency"), t("機関", "agency")],
                                       rows: list.prefix(reportListLimit).map { .init(cells: [name($0.a), name($0.b)]) }, more: more, columns: 2))]
        }
        blocks += ties(t("新しいつながり", "New ties"), c.newTies) + ties(t("なくなったつながり", "Lost ties"), c.lostTies)
        return Section(id: "change", title: title, blocks: blocks)
    }

    // MARK: 6. agency table

    func agencyTable() -> Section {
        let headers = ja ? ["ID", "機関", "分野", "つながり", "挙げた", "挙げられた", "媒介", "近接", "コア", "制約", "抜けると分断"]
                         : ["ID", "agency", "field", "ties", "named", "named by", "betweenness", "closeness", "core", "constraint", "network splits without it"]
        let rows = zip(analysis.agencies, agencies).map { m, a in
            Block.Row(cells: [m.id, a.displayName, a.field.label(input.language), "\(m.degree)", "\(m.outDegree)", "\(m.inDegree)",
                              fixed(m.betweenness, digits: 3), fixed(m.closeness, digits: 3), "\(m.core)", fixed(m.constraint, digits: 3), m.articulation ? "●" : ""])
        }
        return Section(id: "agencies", title: t("6. 機関ごとの表", "6. Agencies"), blocks: [
            .p(t("だれがだれをつないでいるかの一覧です。順位ではありません。見出しを押すと並べ替えられます。", "Who connects whom. This is not a ranking; click a heading to sort.")),
            Block(table: .init(cssClass: "sortable", sortable: true, header: headers, rows: rows, more: nil, columns: headers.count)),
        ])
    }

    // MARK: 7. data quality

    func dataQuality() -> Section {
        let responded = Dictionary(analysis.agencies.map { ($0.id, $0.responded) }) { first, _ in first }
        let silent = findings.filter { $0.kind == .noAnswer }.flatMap(\.agencies) + analysis.summary.isolates.filter { !(responded[$0] ?? true) }
        var facts = [t("アンケートに回答した機関: \(analysis.summary.respondents) / \(analysis.summary.agencies)。", "Agencies that answered: \(analysis.summary.respondents) of \(analysis.summary.agencies)."),
                     t("回答のなかった機関: ", "Agencies that did not answer: ") + (silent.isEmpty ? t("なし", "none") : names(silent))]
        let oneSided = findings.filter { $0.kind == .oneSided }
        facts.append(t("一方だけが挙げたつながり (相手は回答済み): \(oneSided.count)本", "Ties only one side named (the other side answered): \(oneSided.count)"))
        let renamed = input.history.matching.matchedByName.filter { $0.year == input.year }
        if !renamed.isEmpty {
            facts.append(t("IDが変わり名前で前年度と対応づけた機関: ", "Agencies matched to last year by name (new ID): ") + renamed.map { "\($0.id) → \($0.canonical)" }.joined(separator: ", "))
        }
        // A warning on the case file is about one hand-off: a meeting copy counts them under the
        // case-count rule and lists only the others.
        let rule = CaseCountRule(exact: input.internalUse)
        let onCases = input.warnings.filter { ($0.location.file as NSString).lastPathComponent == Schema.referrals.fileName }
        let listed = rule.exact ? input.warnings : input.warnings.filter { !onCases.contains($0) }
        var warnings = t("読み込み時の警告: \(input.warnings.count - onCases.count)件", "Warnings while reading the data: \(input.warnings.count - onCases.count)")
        if !onCases.isEmpty {
            let shown = rule.cell(onCases.count).text
            warnings += t(" (ほかに事例の記録について\(shown.ja))", " (and \(shown.en) on the case records)")
        }
        facts.append(warnings)
        var blocks: [Block] = [.list("ul", nil, facts)]
        if !oneSided.isEmpty {
            blocks.append(Block(details: .init(summary: t("一方だけが挙げたつながりの一覧", "Ties only one side named"),
                                               items: oneSided.prefix(reportListLimit).map { $0.message(input.language) }, more: more(oneSided.count))))
        }
        if !listed.isEmpty {
            blocks.append(.list("ul", "warnings", listed.prefix(reportListLimit).map { $0.message(input.language) },
                                more: listed.count > reportListLimit ? t("ほか\(listed.count - reportListLimit)件 (tsunagari check で一覧できます)", "and \(listed.count - reportListLimit) more (tsunagari check lists them all)") : nil))
        }
        return Section(id: "quality", title: t("7. データについて", "7. About the data"), blocks: blocks)
    }

    // MARK: 8. method

    func method() -> Section {
        let notes: [(String, String, String, String)] = [
            ("つながり", "アンケートで一方でも相手を連携先に挙げた組を「つながり」とし、お互いに挙げたものを「相互に確認されたつながり」とします。", "Ties", "A pair is tied when either agency named the other in the survey; when both did, the tie is confirmed."),
            ("媒介中心性", "ほかの機関どうしを結ぶ最短の道のうち、その機関を通るものの割合です。高い機関は橋渡し役ですが、負担が集中しているおそれもあります (Freeman 1977; Brandes 2001)。", "Betweenness", "The share of shortest ways between other agencies that pass through the agency. High values mark go-betweens, and possibly overload (Freeman 1977; Brandes 2001)."),
            ("近接中心性", "ほかの機関にどれだけ少ない段階で届くかを表します。つながっていない機関がある場合の補正をしています (Wasserman & Faust 1994)。", "Closeness", "How few steps it takes to reach the other agencies, corrected for agencies that cannot be reached (Wasserman & Faust 1994)."),
            ("コア数", "互いに何本もつながり合った中心的なまとまりのどの深さにいるかを表します (Seidman 1983)。", "Core number", "How deep in the closely knit centre of the network the agency sits (Seidman 1983)."),
            ("制約", "つながっている相手どうしも互いにつながっているほど高くなります。低い機関は、互いに知らない相手どうしを橋渡ししています (Burt 1992)。", "Constraint", "High when an agency's partners are tied to each other; low for agencies that bridge partners who do not know each other (Burt 1992)."),
            ("抜けると分断される機関", "その機関がいなくなると、ネットワークがいくつかに分かれてしまう機関です (Hopcroft & Tarjan 1973)。", "Cut points", "Agencies without which the network falls apart into pieces (Hopcroft & Tarjan 1973)."),
            ("分野のはざま", "分野の組ごとに実際のつながりの数を、分野の大きさとネットワーク全体の密度から見込まれる数と比べます。", "Gaps between fields", "For each pair of fields, the ties observed are compared with what the fields' sizes and the network's density would lead one to expect."),
            ("つながりの提案", "共通の連携先が多い組を、共通の連携先の数とその連携先のつながりの少なさで点数にし (Adamic & Adar 2003)、分野や年齢の切れ目をまたぐ組を優先します。", "Suggested connections", "Pairs without a tie are scored by their shared partners, a shared partner with few ties counting more (Adamic & Adar 2003); pairs across fields or age boundaries come first."),
            ("事例の件数", input.internalUse ? "内部資料のため、事例の件数は正確な数で示しています。" : "個人が特定されないよう、1〜2件の件数は「3件未満」と表示し、それを含む合計は「N件以上」と内訳から分かる下限だけを示します。地図の線も、3件未満はすべて同じ細い線です。事例IDや備考は載せていません。", "Case counts", input.internalUse ? "This internal copy shows exact case counts." : "So that no person can be identified, counts of 1 or 2 are shown as \"fewer than 3\", a total that includes one only as the lower bound its parts give (\"at least N\"), and on the map every such count is drawn as the same thin line; no case IDs or notes appear."),
        ]
        return Section(id: "method", title: t("8. 方法について", "8. Method"), blocks: [
            Block(definitions: .init(items: notes.map { ja ? .init(term: $0.0, text: $0.1) : .init(term: $0.2, text: $0.3) })),
            .p(t("詳しくは docs/MEASURES.md を参照してください。", "See docs/MEASURES.md for details.")),
        ])
    }

    // MARK: cards

    func cards() -> [Section] {
        agencies.enumerated().map { i, a in
            var blocks: [Block] = [.p("\(a.name) — \(a.field.label(input.language))")]
            var byKind: [TieKind: [String]] = [:], unstated: [String] = []
            var notes: [String] = []
            for tie in analysis.network.ties where tie.a == i || tie.b == i {
                let other = tie.a == i ? tie.b : tie.a
                for kind in tie.kinds.kinds { byKind[kind, default: []].append(agencies[other].displayName) }
                if tie.kinds.kinds.isEmpty { unstated.append(agencies[other].displayName) }
                if input.internalUse {
                    for r in [tie.reportAB, tie.reportBA].compactMap({ $0 }) where analysis.network.data.reports[r].reporter == i {
                        let note = analysis.network.data.reports[r].note
                        if !note.isEmpty { notes.append("\(agencies[other].displayName): \(note)") }
                    }
                }
            }
            var rows = TieKind.allCases.compactMap { kind in byKind[kind].map { (kind.label(input.language), $0) } }
            if !unstated.isEmpty { rows.append((t("連携内容の記載なし", "kind not given"), unstated)) }
            blocks.append(Block(table: .init(cssClass: "card", sortable: false, header: [t("連携内容", "kind"), t("相手", "partners")],
                                             rows: rows.map { .init(cells: [$0.0, $0.1.joined(separator: t("、", ", "))]) }, more: nil, columns: 2)))
            if let map = input.cardMaps[a.id] { blocks.append(.figure(inlineSVG(map, prefix: "card\(i)"), nil)) }
            if let c = comparison {
                let id = c.afterIDs[i]
                let gained = c.newTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                let lost = c.lostTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                blocks.append(Block(lines: .init(items: [
                    .init(text: t("前年度から新しくつながった機関: ", "New partners since last year: ") + (gained.isEmpty ? t("なし", "none") : names(gained)), br: true),
                    .init(text: t("つながりがなくなった機関: ", "Partners no longer named: ") + (lost.isEmpty ? t("なし", "none") : names(lost)), br: false),
                ])))
            }
            if !notes.isEmpty { blocks.append(Block(notes: t("備考 (内部資料): ", "Notes (internal): ") + notes.joined(separator: " / "))) }
            return Section(id: "card-\(i)", title: a.displayName, cssClass: "card", blocks: blocks)
        }
    }
}
