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
    /// What the agency offers (its profile); empty when agencies.csv does not say.
    public var services: [ServiceOffer] = []
    /// Last fiscal year's hikikomori consultations (an agency figure, not cases); nil when not given.
    public var consultations: Int?
    /// What the agency brings, and what it looks for from others (the group-work sheet).
    public var strengths: [Need] = []
    public var needs: [Need] = []
    /// Where to turn at the agency: a role (「ひきこもり支援担当」), never a person's name.
    public var contactRole: String?
    /// The municipality (市区町村) or sub-area (圏域) the agency serves; nil for an agency serving the
    /// whole area (a prefectural or area-wide agency: the health centre, the mental health and
    /// welfare centre, …). Only networks of several municipalities give it.
    public var area: String?
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
        self.type = type
        typeInferred = false
        if type == nil, let inferred = AgencyType.infer(names: names, field: field) {
            (self.type, typeInferred) = (inferred, true)
        }
    }

    /// The names it is written by: its name, its short name where there is one, its aliases.
    public var names: [String] {
        var names: [String] = []
        names.reserveCapacity(2 + aliases.count)
        names.append(name)
        if let shortName { names.append(shortName) }
        names.append(contentsOf: aliases)
        return names
    }

    /// The short name where there is one, for maps and tables.
    public var displayName: String { shortName ?? name }

    /// Whether the agency offers `service` to people in `band`: the service's own ages where the
    /// profile gives them, else the agency's.
    public func offers(_ service: Service, to band: AgeBand) -> Bool {
        services.contains { offer in
            guard offer.service == service else { return false }
            let (lo, hi) = offer.ages.map { ($0.lowerBound, $0.upperBound) } ?? (ageMin ?? 0, ageMax ?? Int.max)
            return lo <= (band.ages.max ?? Int.max) && band.ages.min <= hi
        }
    }
}

/// A service an agency offers, with the ages it is for when they differ from the agency's
/// (`居場所(15-39)`).
public struct ServiceOffer: Sendable, Hashable {
    public var service: Service
    public var ages: ClosedRange<Int>?

    public init(_ service: Service, ages: ClosedRange<Int>? = nil) { (self.service, self.ages) = (service, ages) }
}

/// A strength or a need: a service of the vocabulary, or words of the agency's own.
public enum Need: Sendable, Hashable {
    case service(Service)
    case text(String)

    /// The cell's word: 「居場所」 read as the service, anything else kept as written.
    init(cell: String) { self = Service(cell: cell).map(Need.service) ?? .text(cell) }

    public func label(_ language: Language) -> String {
        switch self {
        case .service(let s): s.label(language)
        case .text(let t): t
        }
    }

    /// The service's English key, or the words folded (`normalizedKey`): how needs are matched
    /// with strengths and written in JSON.
    public var key: String {
        switch self {
        case .service(let s): s.en
        case .text(let t): normalizedKey(t)
        }
    }
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

/// One case review (事例検討, the booklet's case review sheet): where the case fell between
/// systems and the tie the review proposed, to be followed into the next year.
public struct CaseReview: Sendable, Hashable {
    /// Pseudonymous case ID; never shown in meeting output.
    public var caseID: String
    /// The gaps (はざま) the review named.
    public var gaps: [String]
    /// The tie the review proposed, between two agencies (indices), when it proposed one.
    public var proposedFrom: Int?
    public var proposedTo: Int?
    public var action: String
    public var month: YearMonth?
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
    /// The year's case reviews (reviews.csv), in file order.
    public var reviews: [CaseReview] = []

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
                agency.names.contains {
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
