/// What a planner sets for the whole network in `settings.csv` at the top of the network folder
/// (docs/FORMATS.md §12): the area's title, the small-count threshold, and the support pathways
/// as this area sees them. Without the file, the defaults of docs/DOMAIN.md §10.
public struct NetworkSettings: Sendable, Equatable {
    /// The area's name for titles, when the command line gives none.
    public var title: String?
    /// Case counts below this are hidden (at least 3, the default).
    public var threshold = 3
    /// Field pairs whose importance the planner set, overriding the defaults.
    public var fieldPathways: [Set<Field>: PathwayImportance] = [:]
    /// The type pathways: the defaults and those the planner added.
    public var typePathways = TypePathway.defaults
    /// Ties the planner wants between two named agencies (IDs or names, as written).
    public var requiredTies: [RequiredTie] = []

    public init() {}

    /// How much a tie between fields `a` and `b` matters here.
    public func importance(_ a: Field, _ b: Field) -> PathwayImportance {
        a == b ? .common : fieldPathways[[a, b]] ?? PathwayImportance.of(a, b)
    }

    /// The case-count rule with this network's threshold (exact for internal use).
    public func counts(exact: Bool) -> CaseCountRule { CaseCountRule(threshold: threshold, exact: exact) }
}

/// A tie the planner wants between two agencies, named as in the other files.
public struct RequiredTie: Sendable, Equatable {
    public var a: String
    public var b: String
    /// The row of settings.csv.
    public var location: SourceLocation

    /// The two agencies of `year`; nil when either is not there.
    public func agencies(in year: YearData) -> (Int, Int)? {
        guard let a = year.agency(named: a), let b = year.agency(named: b), a != b else { return nil }
        return (a, b)
    }
}

/// The settings a row of settings.csv can hold.
public enum SettingKey: Int, Vocabulary {
    case title, threshold, core, common, notExpected, mustHave

    public var ja: String { ["地域名", "少数の基準", "主な経路", "一般の経路", "見込まない", "必要なつながり"][rawValue] }
    public var en: String { ["title", "threshold", "core", "common", "not_expected", "must_have"][rawValue] }
}
