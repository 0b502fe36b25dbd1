/// A vocabulary's words by spelling, made once per vocabulary (folding the words again for every
/// cell took a tenth of reading 100,000 agencies): `exact` by the Japanese and English words as
/// written, `folded` by every spelling after `normalizedKey`; the value is the word's place in
/// `allCases`, the first word when two share a spelling. Keyed by their UTF-8 bytes: a `String`
/// key of Japanese text is normalised again at every lookup to be hashed. A class, so that a
/// lookup takes it from the cache without copying its tables. `cases` is `allCases` as an array
/// (`[V]`), made once: a synthesised `allCases` makes its array at every call.
private final class Spellings: Sendable {
    let exact: ByteTable<Int>, folded: ByteTable<Int>
    let cases: any Sendable

    init<V: Vocabulary>(_ type: V.Type) {
        cases = Array(V.allCases)
        var (exact, folded) = (ByteTable<Int>(), ByteTable<Int>())
        for (i, word) in V.allCases.enumerated() {
            for spelling in [word.ja, word.en] where exact[spelling] == nil { exact.set(spelling, i) }
            for spelling in ([word.ja, word.en] + word.alternatives).map(normalizedKey) where folded[spelling] == nil {
                folded.set(spelling, i)
            }
        }
        (self.exact, self.folded) = (exact, folded)
    }

    private static let made = Locked<[ObjectIdentifier: Spellings]>([:])

    static func of<V: Vocabulary>(_ type: V.Type) -> Spellings {
        made.withLock { cache in
            if let made = cache[ObjectIdentifier(type)] { return made }
            let made = Spellings(type)
            cache[ObjectIdentifier(type)] = made
            return made
        }
    }
}

/// A closed list of words a cell may hold, each with its Japanese and English spellings.
///
/// Matching folds width, case and white space (see `normalizedKey`), so 「福祉（高齢）」 and
/// `Welfare_Elderly` are both read.
public protocol Vocabulary: CaseIterable, Sendable, Hashable {
    /// The Japanese word, as written in the files and shown in Japanese output.
    var ja: String { get }
    /// The English word (a stable key, also accepted in files).
    var en: String { get }
    /// Other spellings accepted on input.
    var alternatives: [String] { get }
}

extension Vocabulary {
    public var alternatives: [String] { [] }

    /// The word in the given language.
    public func label(_ language: Language) -> String { language == .ja ? ja : en }

    /// Reads a cell; nil when it holds none of the words.
    public init?(cell: String) {
        let words = Spellings.of(Self.self)
        guard let i = words.exact[cell] ?? words.folded[normalizedKey(cell)] else { return nil }
        self = (words.cases as! [Self])[i]
    }

    /// The accepted words, for error messages: 「保健、医療、…」, or in English
    /// "保健 (health), 医療 (medical), …", since the files hold the Japanese words.
    public static func list(_ language: Language) -> String {
        switch language {
        case .ja: allCases.map(\.ja).joined(separator: "、")
        case .en: allCases.map { $0.ja == $0.en ? $0.ja : "\($0.ja) (\($0.en))" }.joined(separator: ", ")
        }
    }
}

/// The sector an agency works in (docs/DOMAIN.md §4).
public enum Field: Int, Vocabulary, Comparable {
    case administration, health, medical, welfareCommunity, welfareElderly, welfareDisability
    case childrenYouthFamily, education, employment, peersFamiliesNPO, communityOther

    public var ja: String {
        switch self {
        case .administration: "行政・調整"
        case .health: "保健"
        case .medical: "医療"
        case .welfareCommunity: "福祉(生活困窮・地域)"
        case .welfareElderly: "福祉(高齢)"
        case .welfareDisability: "福祉(障害)"
        case .childrenYouthFamily: "子ども・若者・家庭"
        case .education: "教育"
        case .employment: "就労"
        case .peersFamiliesNPO: "当事者・家族・民間"
        case .communityOther: "地域・その他"
        }
    }

    public var en: String {
        switch self {
        case .administration: "administration"
        case .health: "health"
        case .medical: "medical"
        case .welfareCommunity: "welfare_community"
        case .welfareElderly: "welfare_elderly"
        case .welfareDisability: "welfare_disability"
        case .childrenYouthFamily: "children_youth_family"
        case .education: "education"
        case .employment: "employment"
        case .peersFamiliesNPO: "peers_families_npo"
        case .communityOther: "community_other"
        }
    }

    public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
}

/// What an agency offers (docs/DOMAIN.md §11): the services of a resource map (社会資源マップ).
public enum Service: Int, Vocabulary, Comparable {
    case consultation, outreach, dropIn, employmentSupport, familySupport, medicalCare, learningSupport
    case dailyLiving, peerSupport, communityWatch

    public var ja: String {
        switch self {
        case .consultation: "相談"
        case .outreach: "訪問・アウトリーチ"
        case .dropIn: "居場所"
        case .employmentSupport: "就労支援"
        case .familySupport: "家族支援"
        case .medicalCare: "医療"
        case .learningSupport: "学習支援"
        case .dailyLiving: "生活支援"
        case .peerSupport: "当事者活動"
        case .communityWatch: "見守り"
        }
    }

    public var en: String {
        switch self {
        case .consultation: "consultation"
        case .outreach: "outreach"
        case .dropIn: "drop_in"
        case .employmentSupport: "employment_support"
        case .familySupport: "family_support"
        case .medicalCare: "medical_care"
        case .learningSupport: "learning_support"
        case .dailyLiving: "daily_living"
        case .peerSupport: "peer_support"
        case .communityWatch: "community_watch"
        }
    }

    public var alternatives: [String] {
        switch self {
        case .consultation: ["相談支援", "来所相談", "電話相談"]
        case .outreach: ["訪問", "アウトリーチ", "訪問支援"]
        case .dropIn: ["居場所づくり", "フリースペース"]
        case .employmentSupport: ["就労", "就労準備", "職業相談"]
        case .familySupport: ["家族相談", "家族会", "家族教室"]
        case .medicalCare: ["診療", "治療"]
        case .learningSupport: ["学習", "学び直し"]
        case .dailyLiving: ["生活", "家計相談"]
        case .peerSupport: ["ピアサポート", "当事者会"]
        case .communityWatch: ["見守り活動"]
        }
    }

    /// The age bands where an area is expected to offer the service (docs/DOMAIN.md §11): a missing
    /// one is a service gap; elsewhere an absence is no finding.
    public var expectedBands: [AgeBand] {
        switch self {
        case .consultation, .outreach, .familySupport, .medicalCare: AgeBand.allCases
        case .dropIn, .employmentSupport, .peerSupport: [.age15to39, .age40to64]
        case .learningSupport: [.schoolAge, .age15to39]
        case .dailyLiving: [.age15to39, .age40to64, .age65plus]
        case .communityWatch: [.age40to64, .age65plus]
        }
    }

    /// The field the service belongs to by its nature (医療 to medical care, 就労支援 to
    /// employment, 学習支援 to education, 当事者活動 to peers and families): that it exists only
    /// there is no finding.
    public var homeField: Field? {
        switch self {
        case .medicalCare: .medical
        case .employmentSupport: .employment
        case .learningSupport: .education
        case .peerSupport: .peersFamiliesNPO
        default: nil
        }
    }

    public static func < (a: Service, b: Service) -> Bool { a.rawValue < b.rawValue }
}

/// Public or private (官民).
public enum PublicPrivate: Vocabulary {
    case publicBody, publicContracted, privateBody, voluntary

    public var ja: String {
        switch self {
        case .publicBody: "公"
        case .publicContracted: "公設民営"
        case .privateBody: "民"
        case .voluntary: "任意"
        }
    }

    public var en: String {
        switch self {
        case .publicBody: "public"
        case .publicContracted: "contracted"
        case .privateBody: "private"
        case .voluntary: "voluntary"
        }
    }

    public var alternatives: [String] {
        switch self {
        case .publicContracted: ["委託", "公設民営/委託"]
        default: []
        }
    }
}

/// What two agencies do together (docs/DOMAIN.md §5); a tie can carry several.
public enum TieKind: Int, Vocabulary {
    case information, referral, accompanying, jointSupport, caseConference, regularMeeting, training, contract

    public var ja: String {
        switch self {
        case .information: "情報共有"
        case .referral: "紹介"
        case .accompanying: "同行"
        case .jointSupport: "共同支援"
        case .caseConference: "ケース会議"
        case .regularMeeting: "定例会議"
        case .training: "研修・交流"
        case .contract: "委託"
        }
    }

    public var en: String {
        switch self {
        case .information: "information"
        case .referral: "referral"
        case .accompanying: "accompanying"
        case .jointSupport: "joint_support"
        case .caseConference: "case_conference"
        case .regularMeeting: "regular_meeting"
        case .training: "training"
        case .contract: "contract"
        }
    }
}

/// A set of tie kinds, one bit each.
public struct TieKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ kinds: some Sequence<TieKind>) {
        self.init(rawValue: kinds.reduce(0) { $0 | 1 << UInt8($1.rawValue) })
    }

    public func contains(_ kind: TieKind) -> Bool { rawValue & (1 << UInt8(kind.rawValue)) != 0 }

    /// The kinds in the order of docs/DOMAIN.md §5.
    public var kinds: [TieKind] { TieKind.allCases.filter(contains) }
}

/// How often two agencies work together.
public enum Frequency: Int, Vocabulary, Comparable {
    case yearlyOrLess, fewTimesAYear, monthly, weekly

    public var ja: String {
        switch self {
        case .yearlyOrLess: "年1回以下"
        case .fewTimesAYear: "年数回"
        case .monthly: "月1回程度"
        case .weekly: "週1回以上"
        }
    }

    public var en: String {
        switch self {
        case .yearlyOrLess: "yearly_or_less"
        case .fewTimesAYear: "few_times_a_year"
        case .monthly: "monthly"
        case .weekly: "weekly"
        }
    }

    /// How forms write the four (a count with the 「程度」 or 「以上」 left off).
    public var alternatives: [String] {
        switch self {
        case .yearlyOrLess: ["年1回", "年1回程度", "年に1回", "年1回未満"]
        case .fewTimesAYear: ["年数回程度", "年に数回", "数か月に1回", "数ヶ月に1回"]
        case .monthly: ["月1回", "月1", "月に1回", "毎月", "月数回"]
        case .weekly: ["週1回", "週1", "週に1回", "毎週", "週1回程度", "毎日"]
        }
    }

    public static func < (a: Frequency, b: Frequency) -> Bool { a.rawValue < b.rawValue }
}

/// How a hand-off in a case ended.
public enum Outcome: Vocabulary {
    case connected, partlyConnected, interrupted, refused, waiting, ongoing

    public var ja: String {
        switch self {
        case .connected: "つながった"
        case .partlyConnected: "一部つながった"
        case .interrupted: "中断"
        case .refused: "拒否"
        case .waiting: "待機"
        case .ongoing: "継続中"
        }
    }

    public var en: String {
        switch self {
        case .connected: "connected"
        case .partlyConnected: "partly_connected"
        case .interrupted: "interrupted"
        case .refused: "refused"
        case .waiting: "waiting"
        case .ongoing: "ongoing"
        }
    }

    /// Interrupted, refused and waiting hand-offs (one still going on has not failed): the person did not reach the next agency.
    public var isFailure: Bool { self == .interrupted || self == .refused || self == .waiting }
}

/// The age bands used in practice.
public enum AgeBand: Int, Vocabulary, Comparable {
    case schoolAge, age15to39, age40to64, age65plus

    public var ja: String {
        switch self {
        case .schoolAge: "学齢期"
        case .age15to39: "15-39"
        case .age40to64: "40-64"
        case .age65plus: "65+"
        }
    }

    public var en: String {
        switch self {
        case .schoolAge: "school_age"
        case .age15to39: "15-39"
        case .age40to64: "40-64"
        case .age65plus: "65+"
        }
    }

    public var alternatives: [String] {
        switch self {
        case .schoolAge: ["学齢", "0-14"]
        case .age15to39: ["15~39", "15-39歳"]
        case .age40to64: ["40~64", "40-64歳"]
        case .age65plus: ["65歳以上", "65-"]
        }
    }

    /// 「40〜64歳」, 「学齢期 (14歳まで)」: the band in a sentence.
    public var agesJa: String {
        switch self {
        case .schoolAge: "学齢期 (14歳まで)"
        case .age65plus: "65歳以上"
        default: "\(ages.min)〜\(ages.max!)歳"
        }
    }

    /// The band in a sentence or a table heading, in `language`.
    public func agesLabel(_ language: Language) -> String { Text(ja: agesJa, en: agesEn)(language) }

    /// "ages 40–64", "school age (to 14)".
    public var agesEn: String {
        switch self {
        case .schoolAge: "school age (to 14)"
        case .age65plus: "ages 65 and over"
        default: "ages \(ages.min)–\(ages.max!)"
        }
    }

    /// The youngest and oldest age in the band (nil: no upper limit).
    public var ages: (min: Int, max: Int?) {
        switch self {
        case .schoolAge: (0, 14)
        case .age15to39: (15, 39)
        case .age40to64: (40, 64)
        case .age65plus: (65, nil)
        }
    }

    public static func < (a: AgeBand, b: AgeBand) -> Bool { a.rawValue < b.rawValue }
}

extension Vocabulary {
    /// Encodes the word as its English key, the stable spelling for JSON (`"administration"`).
    func encodeKey(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(en)
    }
}

// Written out, not synthesised: a synthesised conformance of an enum wins over a protocol
// extension and writes `{"administration":{}}`.
extension Field: Encodable {
    public func encode(to encoder: Encoder) throws { try encodeKey(to: encoder) }
}

extension TieKind: Encodable {
    public func encode(to encoder: Encoder) throws { try encodeKey(to: encoder) }
}
