import Foundation
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
public func reportHTML(_ input: ReportInput) -> String {
    ReportWriter(input).document()
}

private struct ReportWriter {
    let input: ReportInput
    let analysis: Analysis
    let comparison: YearComparison?
    let findings: [Finding]
    let ja: Bool

    init(_ input: ReportInput) {
        self.input = input
        analysis = input.history.analyses[input.year]
        comparison = input.year > 0 ? input.history.comparison(from: input.year - 1, to: input.year) : nil
        var options = GapOptions()
        options.counts = CaseCountRule(exact: input.internalUse)
        findings = input.internalUse ? findGaps(analysis, options: options) : analysis.findings
        ja = input.language == .ja
    }

    func t(_ ja: String, _ en: String) -> String { self.ja ? ja : en }
    var agencies: [Agency] { analysis.network.agencies }
    var yearLabel: String { analysis.network.data.fiscalYear.label(input.language) }
    func name(_ id: String) -> String { agencies.first { $0.id == id }?.displayName ?? id }
    /// The agencies' names, the first `reportListLimit` of them, and how many more.
    func names(_ ids: [String]) -> String {
        let shown = ids.prefix(reportListLimit).map { html(name($0)) }.joined(separator: t("、", ", "))
        let more = ids.count - min(ids.count, reportListLimit)
        return more > 0 ? shown + t("、ほか\(more)機関", ", and \(more) more") : shown
    }

    /// List items of the findings, the first `reportListLimit` of them and a last item counting
    /// the rest (the report stays bounded; `tsunagari gaps` lists every one).
    func items(_ list: [Finding]) -> String {
        var out = list.prefix(reportListLimit).map { "<li>\(html($0.message(input.language)))</li>" }.joined()
        if list.count > reportListLimit {
            let more = list.count - reportListLimit
            out += "<li class=\"more\">" + t("ほか\(more)件 (すべては tsunagari gaps --format csv で一覧できます)", "and \(more) more (tsunagari gaps --format csv lists them all)") + "</li>"
        }
        return out
    }

    func document() -> String {
        let title = "\(input.area) \(yearLabel) " + t("ひきこもり支援ネットワーク 報告", "hikikomori support network report")
        var body = ""
        if input.internalUse {
            body += "<div class=\"internal\">" + t("内部資料: 事例の正確な件数と備考を含みます。会議で配布しないでください。",
                                                   "Internal: exact case counts and notes included. Not for distribution at meetings.") + "</div>\n"
        }
        body += "<header><h1>\(html(title))</h1><p>" + t("作成: Tsunagari。数値は順位ではなく、「だれがだれをつないでいるか」「何が足りないか」を示すものです。",
                                                        "Made with Tsunagari. The numbers are not a ranking: they show who connects whom and what is missing.") + "</p></header>\n"
        body += [summary(), maps(), gaps(), fragility(), change(), agencyTable(), dataQuality(), method()].joined(separator: "\n")
        if !input.cardMaps.isEmpty { body += cards() }
        return """
            <!DOCTYPE html>
            <html lang="\(ja ? "ja" : "en")">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(html(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body)
            <script>//<![CDATA[
            \(Self.script)
            //]]></script>
            </body>
            </html>

            """
    }

    // MARK: 1. summary

    func summary() -> String {
        let s = analysis.summary
        var sentences = [t("\(html(input.area))の\(yearLabel)の支援ネットワークには\(s.agencies)の機関が参加し、\(s.ties)本のつながりがあります。そのうち\(s.confirmedTies)本は、お互いに相手を連携先に挙げたつながりです。",
                           "In \(yearLabel), \(s.agencies) agencies take part in \(html(input.area))'s support network, with \(s.ties) ties; in \(s.confirmedTies) of them both agencies named each other.")]
        if let c = comparison {
            let before = c.before.summary
            let previous = c.before.network.data.fiscalYear.label(input.language)
            sentences.append(t("\(previous)と比べて、機関は\(before.agencies)から\(s.agencies)に、つながりは\(before.ties)本から\(s.ties)本になりました (新しいつながり\(c.newTies.count)本、なくなったつながり\(c.lostTies.count)本)。",
                               "Since \(previous), agencies went from \(before.agencies) to \(s.agencies) and ties from \(before.ties) to \(s.ties) (\(c.newTies.count) new, \(c.lostTies.count) lost)."))
            let news = c.gapNews(input.language).closed.prefix(2)
            if !news.isEmpty { sentences.append(news.map(html).joined(separator: "")) }
        }
        if !s.isolates.isEmpty {
            sentences.append(t("\(s.isolates.count)の機関 (\(names(s.isolates))) はどの機関ともつながっていません。", "\(s.isolates.count) agencies (\(names(s.isolates))) have no ties."))
        }
        var out = section("summary", t("1. 要約", "1. Summary"), "<p>" + sentences.joined(separator: "</p><p>") + "</p>")
        out.removeLast("</section>\n".count)
        out += "<h3>" + t("特に見ていただきたい点", "The main findings") + "</h3>\n<ol class=\"key\">"
        for f in keyFindings() { out += "<li>\(html(f.message(input.language)))</li>" }
        return out + "</ol>\n</section>\n"
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

    func maps() -> String {
        func figure(_ svg: String, _ prefix: String, page: Bool = false, _ caption: String) -> String {
            "<figure\(page ? " class=\"page\"" : "")>\(inlineSVG(svg, prefix: prefix))<figcaption>\(caption)</figcaption></figure>\n"
        }
        let fieldCaption = t("分野どうしのつながり。線の太さと数字は分野の間のつながりの数です。", "Ties between fields: line width and number give the count.")
        let n = analysis.agencies.count
        let ties = analysis.summary.ties
        // `networkMap` holds the core map when `showsCoreOnly` (see ReportInput).
        let body = showsCoreOnly(analysis.network)
            ? "<p class=\"note\">" + t("機関が\(n)、つながりが\(ties)本あり、全体の図では線が重なって読み取れないため、分野どうしのつながりの図と、ネットワークの中核の図を示します。個々の機関のまわりは tsunagari map --variant ego --focus ID で描けます。", "With \(n) agencies and \(ties) ties a map of the whole network would be an unreadable tangle, so the report shows the ties between fields and the core of the network. Draw the surroundings of one agency with tsunagari map --variant ego --focus ID.") + "</p>\n"
                + figure(input.fieldMap, "fields", fieldCaption)
                + figure(input.networkMap, "network", page: true, t("ネットワークの中核: どの機関も互いに多くつながっている機関の集まり (k-コア)。色は分野、形は官民です。", "The core of the network: agencies that are all tied to many of each other (a k-core). Colour shows the field, shape public or private."))
            : figure(input.networkMap, "network", t("色は分野、形は官民 (四角: 公、六角形: 公設民営・委託、楕円: 民間、ひし形: 任意団体)、大きさはつながりの数。太い線はお互いによく知っている関係、点線の矢印は一方だけが挙げたつながりです。", "Colour shows the field, shape public or private (square: public, hexagon: contracted, oval: private, diamond: voluntary), size the number of ties. Thick lines: people know each other well; dotted arrows: only one side named the tie."))
                + figure(input.fieldMap, "fields", page: true, fieldCaption)
        return section("maps", t("2. ネットワークの地図", "2. The network map"), body)
    }

    // MARK: 3. gaps

    func gaps() -> String {
        var out = ""
        let groups: [(Finding.Severity, String, String)] = [(.high, "重要", "Important"), (.medium, "注意", "Worth attention")]
        for (severity, jaTitle, enTitle) in groups {
            let list = findings.filter { $0.severity == severity }
            guard !list.isEmpty else { continue }
            out += "<h3>\(t(jaTitle, enTitle)) (\(list.count))</h3>\n<ul class=\"findings \(severity.rawValue)\">"
            out += items(list)
            out += "</ul>\n"
        }
        let recommendations = findings.filter { $0.kind == .recommendation }
        if !recommendations.isEmpty {
            out += "<h3>" + t("つながりの提案", "Suggested connections") + "</h3>\n<ol>"
            out += items(recommendations)
            out += "</ol>\n"
        }
        let other = findings.filter { $0.severity == .low && $0.kind != .recommendation && $0.kind != .oneSided && $0.kind != .noAnswer }
        if !other.isEmpty {
            out += "<h3>" + t("参考", "For reference") + "</h3>\n<ul class=\"findings low\">"
            out += items(other)
            out += "</ul>\n"
        }
        return section("gaps", t("3. 気づいた点と提案", "3. Gaps and suggestions"), out)
    }

    // MARK: 4. fragility

    func fragility() -> String {
        var out = "<p>" + t("ほかの機関どうしの間に立ってつないでいる機関と、抜けるとネットワークが分かれてしまう点です。負担が集中していないか、担当が替わっても続く仕組みがあるかを話し合う材料にしてください。",
                            "Agencies that stand between others, and the points where the network would split. Use them to discuss whether the load is shared and whether ties would survive a change of staff.") + "</p>\n"
        let brokers = analysis.agencies.indices.filter { analysis.agencies[$0].betweenness > 0 }
            .sorted { (analysis.agencies[$0].betweenness, analysis.agencies[$1].id) > (analysis.agencies[$1].betweenness, analysis.agencies[$0].id) }.prefix(5)
        out += "<h3>" + t("ほかの機関どうしを多くつないでいる機関", "Agencies that connect others most often") + "</h3>\n<ul>"
        for i in brokers {
            let m = analysis.agencies[i]
            out += "<li>" + t("「\(html(agencies[i].displayName))」: つながり\(m.degree)本。ほかの機関どうしを結ぶ最短の道の\(fixed(m.betweenness * 100, digits: 1))%がここを通ります。",
                              "\(html(agencies[i].displayName)): \(m.degree) ties; \(fixed(m.betweenness * 100, digits: 1))% of shortest ways between other agencies pass through it.") + "</li>"
        }
        out += "</ul>\n<h3>" + t("抜けるとネットワークが分かれる機関", "Agencies the network splits without") + "</h3>\n"
        let points = analysis.cutPoints.articulationPoints
        if points.isEmpty {
            out += "<p>" + t("ありません。どの機関が抜けても、ほかの機関どうしはつながったままです。", "None: whichever agency steps back, the others stay connected.") + "</p>\n"
        } else {
            out += "<ul>"
            for p in points.prefix(reportListLimit) {
                let cut = (analysis.cutPoints.cutOff[p] ?? []).map { agencies[$0].id }
                out += "<li>" + t("「\(html(agencies[p].displayName))」が抜けると: \(names(cut)) が切り離されます。",
                                  "Without \(html(agencies[p].displayName)): \(names(cut)) would be cut off.") + "</li>"
            }
            if points.count > reportListLimit { out += "<li class=\"more\">" + t("ほか\(points.count - reportListLimit)機関", "and \(points.count - reportListLimit) more") + "</li>" }
            out += "</ul>\n"
        }
        let person = findings.filter { $0.kind == .personDependent || $0.kind == .bridge }
        if !person.isEmpty {
            out += "<h3>" + t("途切れやすいつながり", "Fragile ties") + "</h3>\n<ul>"
            out += items(person)
            out += "</ul>\n"
        }
        return section("fragility", t("4. ネットワークを支えているところ", "4. What holds the network together"), out)
    }

    // MARK: 5. change

    func change() -> String {
        guard let c = comparison else {
            return section("change", t("5. 前年度からの変化", "5. Change since last year"),
                           "<p>" + t("前年度のデータがないため、変化はまだ示せません。", "There is no earlier year to compare with yet.") + "</p>")
        }
        var out = input.changeMap.map {
            "<figure>\(inlineSVG($0, prefix: "change"))<figcaption>" + t("緑の線は新しいつながり、オレンジの破線はなくなったつながり、灰色は続いているつながり。機関の位置は毎年同じです。",
                                                       "Green: new ties; dashed orange: lost ties; grey: kept ties. Agencies keep their places every year.") + "</figcaption></figure>\n"
        } ?? "<p class=\"note\">" + t("機関が多いため、変化の図は省き、表で示します。", "With this many agencies the change is shown in tables, without a map.") + "</p>\n"
        // The important improvements in full; the minor ones counted.
        let news = c.gapNews(input.language)
        let important = zip(c.gapsClosed, news.closed).filter { $0.0.severity != .low }.map(\.1)
        let minor = news.closed.count - important.count
        if !news.closed.isEmpty {
            out += "<h3>" + t("よくなったこと", "What got better") + "</h3><ul>" + important.prefix(reportListLimit).map { "<li>\(html($0))</li>" }.joined()
            if important.count > reportListLimit { out += "<li>" + t("ほか\(important.count - reportListLimit)件", "and \(important.count - reportListLimit) more") + "</li>" }
            if minor > 0 { out += "<li>" + t("ほか、参考程度の点が\(minor)件解消しました。", "and \(minor) minor points no longer apply.") + "</li>" }
            out += "</ul>\n"
        }
        out += "<div class=\"charts\">" + input.trendCharts.enumerated().map { "<div class=\"chart\">\(inlineSVG($1, prefix: "chart\($0)"))</div>" }.joined() + "</div>\n"
        func tieRows(_ ties: [TieDifference]) -> String {
            ties.prefix(reportListLimit).map { "<tr><td>\(html(name($0.a)))</td><td>\(html(name($0.b)))</td></tr>" }.joined()
                + (ties.count > reportListLimit ? "<tr><td colspan=\"2\">" + t("ほか\(ties.count - reportListLimit)本 (tsunagari compare --format csv で一覧できます)", "and \(ties.count - reportListLimit) more (tsunagari compare --format csv lists them all)") + "</td></tr>" : "")
        }
        let header = "<tr><th>" + t("機関", "agency") + "</th><th>" + t("機関", "agency") + "</th></tr>"
        out += "<h3>" + t("新しいつながり", "New ties") + " (\(c.newTies.count))</h3><table class=\"ties\">\(header)\(tieRows(c.newTies))</table>\n"
        out += "<h3>" + t("なくなったつながり", "Lost ties") + " (\(c.lostTies.count))</h3><table class=\"ties\">\(header)\(tieRows(c.lostTies))</table>\n"
        return section("change", t("5. 前年度からの変化", "5. Change since last year"), out)
    }

    // MARK: 6. agency table

    func agencyTable() -> String {
        var out = "<p>" + t("だれがだれをつないでいるかの一覧です。順位ではありません。見出しを押すと並べ替えられます。",
                            "Who connects whom. This is not a ranking; click a heading to sort.") + "</p>\n<table class=\"sortable\"><thead><tr>"
        let headers = ja ? ["ID", "機関", "分野", "つながり", "挙げた", "挙げられた", "媒介", "近接", "コア", "制約", "抜けると分断"]
                         : ["ID", "agency", "field", "ties", "named", "named by", "betweenness", "closeness", "core", "constraint", "network splits without it"]
        out += headers.map { "<th>\(html($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (m, a) in zip(analysis.agencies, agencies) {
            let cells = [m.id, a.displayName, a.field.label(input.language), "\(m.degree)", "\(m.outDegree)", "\(m.inDegree)",
                         fixed(m.betweenness, digits: 3), fixed(m.closeness, digits: 3), "\(m.core)", fixed(m.constraint, digits: 3), m.articulation ? "●" : ""]
            out += "<tr>" + cells.map { "<td>\(html($0))</td>" }.joined() + "</tr>"
        }
        return section("agencies", t("6. 機関ごとの表", "6. Agencies"), out + "</tbody></table>\n")
    }

    // MARK: 7. data quality

    func dataQuality() -> String {
        let silent = findings.filter { $0.kind == .noAnswer }.flatMap(\.agencies) + analysis.summary.isolates.filter { id in
            !(analysis.agencies.first { $0.id == id }?.responded ?? true)
        }
        var out = "<ul>"
        out += "<li>" + t("アンケートに回答した機関: \(analysis.summary.respondents) / \(analysis.summary.agencies)。",
                          "Agencies that answered: \(analysis.summary.respondents) of \(analysis.summary.agencies).") + "</li>"
        out += "<li>" + t("回答のなかった機関: ", "Agencies that did not answer: ") + (silent.isEmpty ? t("なし", "none") : names(silent)) + "</li>"
        let oneSided = findings.filter { $0.kind == .oneSided }
        out += "<li>" + t("一方だけが挙げたつながり (相手は回答済み): \(oneSided.count)本", "Ties only one side named (the other side answered): \(oneSided.count)") + "</li>"
        let renamed = input.history.matching.matchedByName.filter { $0.year == input.year }
        if !renamed.isEmpty {
            out += "<li>" + t("IDが変わり名前で前年度と対応づけた機関: ", "Agencies matched to last year by name (new ID): ")
                + renamed.map { html("\($0.id) → \($0.canonical)") }.joined(separator: ", ") + "</li>"
        }
        // A warning on the case file is about one hand-off: a meeting copy counts them under the
        // case-count rule and lists only the others.
        let rule = CaseCountRule(exact: input.internalUse)
        let onCases = input.warnings.filter { ($0.location.file as NSString).lastPathComponent == Schema.referrals.fileName }
        let listed = rule.exact ? input.warnings : input.warnings.filter { !onCases.contains($0) }
        out += "<li>" + t("読み込み時の警告: \(input.warnings.count - onCases.count)件", "Warnings while reading the data: \(input.warnings.count - onCases.count)")
        if !onCases.isEmpty {
            let shown = rule.cell(onCases.count).text
            out += t(" (ほかに事例の記録について\(shown.ja))", " (and \(shown.en) on the case records)")
        }
        out += "</li></ul>\n"
        if !oneSided.isEmpty {
            out += "<details><summary>" + t("一方だけが挙げたつながりの一覧", "Ties only one side named") + "</summary><ul>"
                + items(oneSided) + "</ul></details>\n"
        }
        if !listed.isEmpty {
            out += "<ul class=\"warnings\">" + listed.prefix(reportListLimit).map { "<li>\(html($0.message(input.language)))</li>" }.joined()
                + (listed.count > reportListLimit ? "<li>" + t("ほか\(listed.count - reportListLimit)件 (tsunagari check で一覧できます)", "and \(listed.count - reportListLimit) more (tsunagari check lists them all)") + "</li>" : "") + "</ul>\n"
        }
        return section("quality", t("7. データについて", "7. About the data"), out)
    }

    // MARK: 8. method

    func method() -> String {
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
        let items = notes.map { ja ? "<dt>\(html($0.0))</dt><dd>\(html($0.1))</dd>" : "<dt>\(html($0.2))</dt><dd>\(html($0.3))</dd>" }
        return section("method", t("8. 方法について", "8. Method"), "<dl>" + items.joined() + "</dl>\n<p>" + t("詳しくは docs/MEASURES.md を参照してください。", "See docs/MEASURES.md for details.") + "</p>")
    }

    // MARK: cards

    func cards() -> String {
        var out = ""
        for (i, a) in agencies.enumerated() {
            var body = "<p>\(html(a.name)) — \(html(a.field.label(input.language)))</p>\n"
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
            body += "<table class=\"card\"><tr><th>" + t("連携内容", "kind") + "</th><th>" + t("相手", "partners") + "</th></tr>"
            var rows = TieKind.allCases.compactMap { kind in byKind[kind].map { (kind.label(input.language), $0) } }
            if !unstated.isEmpty { rows.append((t("連携内容の記載なし", "kind not given"), unstated)) }
            for (kind, list) in rows {
                body += "<tr><td>\(html(kind))</td><td>\(list.map(html).joined(separator: t("、", ", ")))</td></tr>"
            }
            body += "</table>\n"
            if let map = input.cardMaps[a.id] { body += "<figure>\(inlineSVG(map, prefix: "card\(i)"))</figure>\n" }
            if let c = comparison {
                let id = c.afterIDs[i]
                let gained = c.newTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                let lost = c.lostTies.filter { $0.a == id || $0.b == id }.map { $0.a == id ? $0.b : $0.a }
                body += "<p>" + t("前年度から新しくつながった機関: ", "New partners since last year: ") + (gained.isEmpty ? t("なし", "none") : names(gained))
                    + "<br/>" + t("つながりがなくなった機関: ", "Partners no longer named: ") + (lost.isEmpty ? t("なし", "none") : names(lost)) + "</p>\n"
            }
            if !notes.isEmpty { body += "<p class=\"notes\">" + t("備考 (内部資料): ", "Notes (internal): ") + notes.map(html).joined(separator: " / ") + "</p>\n" }
            out += "<section class=\"card\" id=\"card-\(i)\"><h2>\(html(a.displayName))</h2>\n\(body)</section>\n"
        }
        return out
    }

    func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\"><h2>\(html(title))</h2>\n\(body)\n</section>\n"
    }

    static let css = """
        body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;color:#111;line-height:1.7}
        h1{font-size:1.6rem;border-bottom:3px solid #332288;padding-bottom:.3rem}.note{background:#f4f4f8;border-left:4px solid #888;padding:.4rem .8rem}h2{font-size:1.35rem;color:#332288;border-left:6px solid #332288;padding-left:.5rem;margin-top:2rem}
        h3{font-size:1.1rem;margin-top:1.2rem}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#333}
        ol.key li{font-weight:bold;margin:.3rem 0}ul.findings.high li{border-left:4px solid #D55E00;padding-left:.5rem;margin:.3rem 0;list-style:none}
        ul.findings.medium li{border-left:4px solid #E69F00;padding-left:.5rem;margin:.3rem 0;list-style:none}
        table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
        th{background:#eee}table.sortable th{cursor:pointer}table.sortable td:nth-child(n+4){text-align:right}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}.chart svg{width:360px;height:auto}
        .internal{background:#D55E00;color:#fff;font-weight:bold;padding:.4rem 1rem;text-align:center}
        dt{font-weight:bold;margin-top:.5rem}dd{margin-left:1.5rem}
        @page{size:A4 landscape;margin:12mm}
        @media print{body{max-width:none;padding:0;font-size:10.5pt}section{break-before:page}section#summary{break-before:auto}
        figure svg{max-height:170mm;width:auto}.internal{position:fixed;top:0;left:0;right:0}details{display:block}details>*{display:block}}
        """

    static let script = """
        document.querySelectorAll("table.sortable").forEach(function(table){
          table.querySelectorAll("th").forEach(function(th,column){
            th.addEventListener("click",function(){
              var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
              var ascending=th.getAttribute("data-order")!=="asc";
              rows.sort(function(a,b){
                var x=a.cells[column].textContent,y=b.cells[column].textContent,nx=parseFloat(x),ny=parseFloat(y);
                var order=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,"ja");
                return ascending?order:-order;
              });
              rows.forEach(function(row){body.appendChild(row);});
              th.setAttribute("data-order",ascending?"asc":"desc");
            });
          });
        });
        """
}
