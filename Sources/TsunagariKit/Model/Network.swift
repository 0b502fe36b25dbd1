/// An agency (機関) of the support network in one fiscal year.
public struct Agency: Sendable, Hashable {
    /// Stable across years; how files refer to the agency.
    public var id: String
    public var name: String
    public var shortName: String?
    public var field: Field
    public var publicPrivate: PublicPrivate?
    /// Youngest age served; nil = no lower limit.
    public var ageMin: Int?
    /// Oldest age served; nil = no upper limit.
    public var ageMax: Int?
    /// Other names this agency goes by on survey sheets.
    public var aliases: [String]
    /// The agency's type, as agencies.csv states it or, when it does not, as its names show it
    /// (`AgencyType.infer`); nil when neither tells.
    public var type: AgencyType?
    /// Whether `type` was read from the names rather than stated.
    public var typeInferred: Bool
    public var location: SourceLocation

    /// Without a `type`, the type is inferred from the names.
    public init(
        id: String, name: String, shortName: String?, field: Field, publicPrivate: PublicPrivate?,
        ageMin: Int?, ageMax: Int?, aliases: [String], type: AgencyType? = nil, location: SourceLocation
    ) {
        (self.id, self.name, self.shortName, self.field, self.publicPrivate) = (
            id, name, shortName, field, publicPrivate
        )
        (self.ageMin, self.ageMax, self.aliases, self.location) = (ageMin, ageMax, aliases, location)
        self.type = type ?? AgencyType.infer(names: [name, shortName].compactMap { $0 } + aliases, field: field)
        typeInferred = type == nil && self.type != nil
    }

    /// The short name where there is one, for maps and tables.
    public var displayName: String { shortName ?? name }
}

/// One answer on a hearing sheet: `reporter` says it works with `partner`.
/// Agencies are indices into `YearData.agencies`.
public struct SurveyReport: Sendable, Hashable {
    public var reporter: Int
    public var partner: Int
    public var kinds: TieKinds
    public var frequency: Frequency?
    /// 顔の見える関係, 0 (not known) to 3 (work together with trust).
    public var familiarity: Int?
    /// The tie rests on one member of staff (担当者依存).
    public var personDependent: Bool?
    /// Trust, 1–4.
    public var trust: Int?
    public var note: String
    public var location: SourceLocation

    public init(
        reporter: Int, partner: Int, kinds: TieKinds, frequency: Frequency?, familiarity: Int?,
        personDependent: Bool?, trust: Int?, note: String, location: SourceLocation
    ) {
        (self.reporter, self.partner, self.kinds, self.frequency, self.familiarity) = (
            reporter, partner, kinds, frequency, familiarity
        )
        (self.personDependent, self.trust, self.note, self.location) = (personDependent, trust, note, location)
    }
}

/// A calendar month, as in `2025-04`.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// One hand-off in an anonymised case (事例の支援経過): the person was referred from one agency to another.
public struct Referral: Sendable, Hashable {
    /// Pseudonymous case ID; never shown in meeting output.
    public var caseID: String
    public var step: Int
    public var month: YearMonth?
    public var from: Int
    public var to: Int
    public var action: String
    public var outcome: Outcome?
    public var ageBand: AgeBand?
    /// Tags naming the gap the case fell into (はざま), e.g. 「年齢の切れ目」.
    public var gaps: [String]
    public var location: SourceLocation
}

/// Everything recorded about the network in one fiscal year.
public struct YearData: Sendable {
    public var fiscalYear: FiscalYear
    /// The folder as it was named (`2025`, `R7`, `令和7年度`).
    public var folder: String
    /// Sorted by ID.
    public var agencies: [Agency]
    public var reports: [SurveyReport]
    public var referrals: [Referral]
    /// The network's settings (the same in every year).
    public var settings = NetworkSettings()
    /// Agencies that answered the survey and named no partner (a survey row with the reporter
    /// alone), sorted: they answered, and their having no ties is the answer.
    public var answeredWithoutPartners: [Int] = []

    /// A year from its parts; `reports` and `referrals` refer to agencies by index into `agencies`.
    public init(
        fiscalYear: FiscalYear, folder: String, agencies: [Agency], reports: [SurveyReport], referrals: [Referral]
    ) {
        (self.fiscalYear, self.folder, self.agencies, self.reports, self.referrals) = (
            fiscalYear, folder, agencies, reports, referrals
        )
    }
}

extension YearData {
    /// The agency with this ID or name (short name, alias; compared after `normalizedKey`).
    public func agency(named written: String) -> Int? {
        let key = normalizedKey(written)
        return agencies.firstIndex { $0.id == written }
            ?? agencies.firstIndex { agency in
                ([agency.name, agency.shortName].compactMap { $0 } + agency.aliases).contains {
                    normalizedKey($0) == key
                }
            }
    }
}

/// A support network over the fiscal years on file, oldest first.
public struct Network: Sendable {
    public var name: String
    public var years: [YearData]
    public var settings = NetworkSettings()

    public init(name: String, years: [YearData], settings: NetworkSettings = NetworkSettings()) {
        (self.name, self.years, self.settings) = (
            name,
            years.map {
                var y = $0; y.settings = settings; return y
            }, settings
        )
    }
}
