/// The counts `tsunagari check` prints for a year.
public struct YearSummary: Sendable, Equatable {
    public var agencies: Int
    public var reports: Int
    /// Pairs that both agencies named.
    public var confirmedTies: Int
    /// Pairs named by one side only.
    public var oneSidedTies: Int
    public var cases: Int
    public var handOffs: Int
    /// Agencies that named no partner (did not answer the survey), as indices, sorted by ID.
    public var nonResponding: [Int]

    public init(_ year: YearData) {
        let ties = YearNetwork.ties(of: year)
        let confirmed = ties.count { $0.isConfirmed }
        let oneSided = ties.count - confirmed
        let reporters = Set(year.reports.map(\.reporter)).union(year.answeredWithoutPartners)
        agencies = year.agencies.count
        reports = year.reports.count
        confirmedTies = confirmed
        oneSidedTies = oneSided
        cases = Set(year.referrals.map(\.caseID)).count
        handOffs = year.referrals.count
        nonResponding = year.agencies.indices.filter { !reporters.contains($0) }
    }
}
