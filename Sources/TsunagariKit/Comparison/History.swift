/// Every year of a network analysed, with agencies matched across the years.
public struct NetworkHistory: Sendable {
    public let analyses: [Analysis]
    public let matching: AgencyMatching
    /// Every canonical agency ID of every year, in natural order.
    public let allIDs: [String]

    /// `progress` hears how far each year's long steps have come.
    public init(_ network: Network, progress: ProgressHandler? = nil) {
        analyses = network.years.map { Analysis(YearNetwork($0), progress: progress) }
        matching = AgencyMatching(network.years)
        allIDs = Set(matching.canonical.joined()).sorted(by: naturalOrder)
    }

    /// The comparison of year `from` with year `to` (indices into `analyses`).
    public func comparison(from: Int, to: Int) -> YearComparison {
        YearComparison(before: analyses[from], after: analyses[to],
                       beforeIDs: matching.canonical[from], afterIDs: matching.canonical[to])
    }

    public var trends: [YearTrend] { analyses.map(YearTrend.init) }
}

extension YearComparison {
    /// The gaps closed and opened, in plain words: what got better first.
    public func gapNews(_ language: Language) -> (closed: [String], opened: [String]) {
        let ja = language == .ja
        let closed = gapsClosed.map { f -> String in
            switch f.kind {
            case .fieldGap where f.evidence.isNoTieBetweenFields:
                return ja ? "「\(f.fields[0].ja)」と「\(f.fields[1].ja)」の間に初めてつながりができました。"
                          : "\(f.fields[0].en) and \(f.fields[1].en) are tied for the first time."
            case .isolated:
                let name = before.network.agencies.first { $0.id == f.agencies.first }?.displayName ?? f.agencies.first ?? ""
                return ja ? "「\(name)」がほかの機関とつながりました。" : "\(name) now has ties to other agencies."
            default:
                return (ja ? "解消: " : "No longer the case: ") + f.message(language)
            }
        }
        let opened = gapsOpened.map { (ja ? "新たに: " : "New: ") + $0.message(language) }
        return (closed, opened)
    }
}
