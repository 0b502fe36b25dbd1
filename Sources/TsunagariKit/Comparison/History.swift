/// Every year of a network analysed, with agencies matched across the years.
public struct NetworkHistory: Sendable {
    public let analyses: [Analysis]
    public let matching: AgencyMatching
    /// Every canonical agency ID of every year, in natural order.
    public let allIDs: [String]

    /// `progress` hears how far each year's long steps have come.
    /// `betweennessSample`: estimate the path measures of every year from that many sources (`Analysis`).
    public init(_ network: Network, betweennessSample: Int? = nil, progress: ProgressHandler? = nil) {
        analyses = network.years.map {
            Analysis(YearNetwork($0), betweennessSample: betweennessSample, progress: progress)
        }
        matching = AgencyMatching(network.years)
        allIDs = Set(matching.canonical.joined()).sorted(by: naturalOrder)
    }

    /// The comparison of year `from` with year `to` (indices into `analyses`).
    public func comparison(from: Int, to: Int) -> YearComparison {
        YearComparison(
            before: analyses[from], after: analyses[to],
            beforeIDs: matching.canonical[from], afterIDs: matching.canonical[to])
    }

    public var trends: [YearTrend] { analyses.map(YearTrend.init) }
}

extension YearComparison {
    /// The gaps closed and opened, in plain words: what got better first.
    public func gapNews(_ language: Language) -> (closed: [String], opened: [String]) {
        let closed = gapsClosed.map { f -> Text in
            switch f.kind {
            case .fieldGap where f.evidence.isNoTieBetweenFields, .missingPathway where f.evidence.fieldsUntied:
                let fields = f.fields.sorted()
                return .fieldsTiedAtLast(fields[0], fields[1])
            case .missingPathway:
                guard case .pathway(let rule, _, _, _) = f.evidence else { return .noLongerTheCase(f.message) }
                return .pathwayTied(f.names.first ?? "", rule.to)
            case .isolated:
                let name =
                    before.network.agencies.first { $0.id == f.agencies.first }?.displayName ?? f.agencies.first ?? ""
                return .nowTied(name)
            default:
                return .noLongerTheCase(f.message)
            }
        }
        return (closed.map { $0(language) }, gapsOpened.map { Text.newly($0.message)(language) })
    }
}

extension YearComparison {
    /// The case reviews' proposed ties in plain words: a summary line and one line per tie
    /// (formed, strengthened, still missing); nil when the earlier year proposed none. No count
    /// of reviews or cases is shown, only pairs of agencies.
    public func proposalNews(_ language: Language) -> (summary: String, items: [String])? {
        guard !proposals.isEmpty else { return nil }
        var names: [String: String] = [:]
        for (i, a) in before.network.agencies.enumerated() { names[beforeIDs[i]] = a.displayName }
        for (i, a) in after.network.agencies.enumerated() { names[afterIDs[i]] = a.displayName }
        let formed = proposals.count { $0.status == .formed }, stronger = proposals.count { $0.status == .strengthened }
        let items = proposals.map { p in
            Text.proposal(names[p.from] ?? p.from, names[p.to] ?? p.to, p.status)(language)
        }
        return (Text.proposalSummary(proposals.count, formed: formed, strengthened: stronger)(language), items)
    }
}

extension YearComparison {
    /// Gap tags (はざま) that case reviews of the two years name again and again: each tag with the
    /// number of reviews naming it, for tags named by at least the threshold of reviews (with exact
    /// counts, at least two), most often first. A tag fewer reviews name is left out altogether,
    /// so that no small count is shown or can be derived.
    public func repeatedReviewGaps(_ counts: CaseCountRule) -> [(tag: String, reviews: Int)] {
        var n: [String: Int] = [:]
        for review in before.network.data.reviews + after.network.data.reviews {
            for tag in Set(review.gaps) { n[tag, default: 0] += 1 }
        }
        let least = counts.exact ? 2 : max(2, counts.threshold)
        return n.filter { $0.value >= least }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
            ($0.key, $0.value)
        }
    }

    /// `repeatedReviewGaps` in a sentence; nil when there are none.
    public func repeatedReviewGapsNews(_ counts: CaseCountRule, _ language: Language) -> String? {
        let gaps = repeatedReviewGaps(counts)
        guard !gaps.isEmpty else { return nil }
        return Text.repeatedReviewGaps(gaps)(language)
    }
}

/// The wording of the change between two years.
extension Text {
    static func fieldsTiedAtLast(_ a: Field, _ b: Field) -> Text {
        Text(ja: "「\(a.ja)」と「\(b.ja)」の間に初めてつながりができました。", en: "\(a.en) and \(b.en) are tied for the first time.")
    }

    static func pathwayTied(_ name: String, _ types: [AgencyType]) -> Text {
        Text(
            ja: "「\(name)」が\(types.map(\.ja).joined(separator: "・"))とつながりました。",
            en: "\(name) is now tied to a \(types.map(\.en).joined(separator: " or ")).")
    }

    static func nowTied(_ name: String) -> Text {
        Text(ja: "「\(name)」がほかの機関とつながりました。", en: "\(name) now has ties to other agencies.")
    }

    static func noLongerTheCase(_ finding: Text) -> Text {
        Text(ja: "解消: " + finding.ja, en: "No longer the case: " + finding.en)
    }

    static func repeatedReviewGaps(_ gaps: [(tag: String, reviews: Int)]) -> Text {
        Text(
            ja: "事例検討で繰り返し挙がったはざま: " + gaps.map { "「\($0.tag)」(\($0.reviews)件)" }.joined(separator: "、"),
            en: "Gaps case reviews name again and again: "
                + gaps.map { "'\($0.tag)' (\($0.reviews))" }
                .joined(separator: ", "))
    }

    static func proposalSummary(_ total: Int, formed: Int, strengthened: Int) -> Text {
        Text(
            ja: "事例検討で提案されたつながり\(total)件のうち\(formed)件ができました"
                + (strengthened > 0 ? "。\(strengthened)件は、あったつながりが強まりました" : ""),
            en: "Of the \(total) tie\(total == 1 ? "" : "s") case reviews proposed, \(formed) formed"
                + (strengthened > 0 ? " and \(strengthened) grew stronger" : ""))
    }

    static func proposal(_ a: String, _ b: String, _ status: ProposedTie.Status) -> Text {
        switch status {
        case .formed: Text(ja: "「\(a)」と「\(b)」: つながりができました", en: "\(a) and \(b): the tie formed")
        case .strengthened: Text(ja: "「\(a)」と「\(b)」: つながりが強まりました", en: "\(a) and \(b): the tie grew stronger")
        case .missing: Text(ja: "「\(a)」と「\(b)」: まだつながっていません", en: "\(a) and \(b): not yet tied")
        }
    }

    static func newly(_ finding: Text) -> Text { Text(ja: "新たに: " + finding.ja, en: "New: " + finding.en) }
}
