import Foundation
import TsunagariKit

/// The text, CSV and JSON forms of a comparison.
enum CompareReport {
    /// Each municipality's agencies and ties in the two years (its own network, `YearData.restricted`).
    static func areaTable(_ before: YearData, _ after: YearData, _ language: Language) -> [[String]] {
        let (b, a) = (areaSummaries(before), areaSummaries(after))
        let earlier = Dictionary(uniqueKeysWithValues: b.map { ($0.area, $0) })
        let (y0, y1) = (before.fiscalYear.label(language), after.fiscalYear.label(language))
        return [Text.areaChangeColumns(y0, y1).map { $0(language) }]
            + Array(Set(b.map(\.area) + a.map(\.area))).sorted(by: naturalOrder).map { area in
                let now = a.first { $0.area == area }, then = earlier[area]
                func change(_ x: Int?, _ y: Int?) -> String {
                    "\(x ?? 0) → \(y ?? 0) (\((y ?? 0) - (x ?? 0) >= 0 ? "+" : "")\((y ?? 0) - (x ?? 0)))"
                }
                return [
                    area, change(then?.agencies, now?.agencies), change(then?.ties, now?.ties),
                    change(then?.crossAreaTies, now?.crossAreaTies),
                ]
            }
    }

    static func table(_ c: YearComparison, history: NetworkHistory, _ language: Language) -> String {
        let say = { (text: Text) in text(language) }
        let (y0, y1) = (
            c.before.network.data.fiscalYear.label(language), c.after.network.data.fiscalYear.label(language)
        )
        let names = nameLookup(c)
        func list(_ ids: [String]) -> String {
            ids.isEmpty ? say(.noneListed) : ids.map { names[$0] ?? $0 }.joined(separator: say(.listSeparator))
        }
        var lines = [
            "\(y0) → \(y1)",
            say(
                .agencyChange(
                    c.before.summary.agencies, c.after.summary.agencies,
                    joined: list(c.newAgencies), closed: list(c.closedAgencies))),
            say(.tieChange(c)),
            say(.newlyConnected(list(c.newlyConnected))),
        ]
        let news = c.gapNews(language)
        if let incomplete = c.incomplete {
            lines += ["", say(.incompleteComparison(incomplete))]
        }
        if !news.closed.isEmpty {
            lines +=
                ["", say(c.incomplete == nil ? .gotBetterHeading : .noLongerSeenHeading)]
                + news.closed.map { "- " + $0 }
        }
        if !news.opened.isEmpty {
            lines += ["", say(.newFindingsHeading)] + news.opened.map { "- " + $0 }
        }
        if let proposals = c.proposalNews(language) {
            lines += ["", proposals.summary] + proposals.items.map { "- " + $0 }
        }
        if let repeated = c.repeatedReviewGapsNews(c.after.network.data.settings.counts(exact: false), language) {
            lines += ["", repeated]
        }
        var pairs = [Text.fieldPairColumns.map(say)]
        for p in c.byFieldPair where p.new + p.lost > 0 {
            pairs.append(["\(p.a.label(language)) – \(p.b.label(language))", "\(p.new)", "\(p.lost)", "\(p.kept)"])
        }
        lines += ["", say(.byFieldPairHeading), Table.render(pairs, rightAligned: [1, 2, 3])]
        let trends = history.trends
        var rows = [[say(.yearColumn)] + trendSeries(trends).map { $0.title(language) }]
        for (i, t) in trends.enumerated() {
            rows.append(
                [FiscalYear(t.fiscalYear).label(language)]
                    + trendSeries(trends).map { String(format: "%.\($0.digits)f", $0.values[i]) })
        }
        let transposed = (0..<rows[0].count).map { col in rows.map { $0[col] } }
        lines += ["", say(.trendsHeading), Table.render(transposed, rightAligned: Set(1..<rows.count))]
        return lines.joined(separator: "\n")
    }

    /// One row per tie that is new, lost or kept, with how it changed.
    /// New, lost and kept ties as a table, headed in `language`.
    static func tieTable(_ c: YearComparison, _ language: Language) -> [[String]] {
        let names = nameLookup(c)
        func flag(_ b: Bool?) -> String { b.map { $0 ? "1" : "0" } ?? "" }
        func number(_ n: Int?) -> String { n.map(String.init) ?? "" }
        func kinds(_ k: [TieKind]) -> String { k.map { $0.label(language) }.joined(separator: ";") }
        func row(_ status: Text, _ t: TieDifference) -> [String] {
            [
                status(language), t.a, t.b, names[t.a] ?? "", names[t.b] ?? "", t.change?.rawValue ?? "",
                number(t.familiarityBefore), number(t.familiarityAfter), flag(t.confirmedBefore),
                flag(t.confirmedAfter), kinds(t.kindsAdded), kinds(t.kindsLost),
            ]
        }
        return [Text.tieChangeColumns.map { $0(language) }]
            + c.newTies.map { row(Text.tieNew, $0) } + c.lostTies.map { row(Text.tieLost, $0) }
            + c.keptTies.map { row(Text.tieKept, $0) }
    }

    static func json(_ c: YearComparison, history: NetworkHistory, _ language: Language) throws -> Data {
        struct Document: Encodable {
            var from: Int, to: Int
            var newAgencies: [String], closedAgencies: [String], newlyConnected: [String]
            var newTies: [TieDifference], lostTies: [TieDifference], keptTies: [TieDifference]
            var gapsClosed: [String], gapsOpened: [String]
            var incomplete: Incomplete?
            var proposedTies: [ProposedTie]
            var agencyChanges: [AgencyChange]
            /// How each year's betweenness was estimated, when it was (nil: exact).
            var estimateBefore: PathEstimate?, estimateAfter: PathEstimate?
            var trends: [YearTrend]
        }
        struct Incomplete: Encodable { var fewerAnswers: Bool, fewerCases: Bool }
        struct AgencyChange: Encodable {
            var id: String, degreeBefore: Int, degreeAfter: Int, betweennessBefore: Double, betweennessAfter: Double
        }
        let news = c.gapNews(language)
        return try encodeJSON(
            Document(
                from: c.before.network.data.fiscalYear.year, to: c.after.network.data.fiscalYear.year,
                newAgencies: c.newAgencies, closedAgencies: c.closedAgencies, newlyConnected: c.newlyConnected,
                newTies: c.newTies, lostTies: c.lostTies, keptTies: c.keptTies,
                gapsClosed: news.closed, gapsOpened: news.opened,
                incomplete: c.incomplete.map { Incomplete(fewerAnswers: $0.fewerAnswers, fewerCases: $0.fewerCases) },
                proposedTies: c.proposals,
                agencyChanges: c.agencyChanges.map {
                    AgencyChange(
                        id: $0.id, degreeBefore: $0.degreeBefore, degreeAfter: $0.degreeAfter,
                        betweennessBefore: $0.betweennessBefore, betweennessAfter: $0.betweennessAfter)
                },
                estimateBefore: c.before.summary.estimate, estimateAfter: c.after.summary.estimate,
                trends: history.trends))
    }

    /// Display names by canonical ID (the later year's name where the agency exists then).
    private static func nameLookup(_ c: YearComparison) -> [String: String] {
        var names: [String: String] = [:]
        for (i, a) in c.before.network.agencies.enumerated() { names[c.beforeIDs[i]] = a.displayName }
        for (i, a) in c.after.network.agencies.enumerated() { names[c.afterIDs[i]] = a.displayName }
        return names
    }
}
