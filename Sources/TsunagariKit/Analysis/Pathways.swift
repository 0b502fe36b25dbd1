/// The support pathways of hikikomori support (docs/DOMAIN.md §10): which ties matter for this
/// work, between fields and between agency types. A missing tie is a crack only where people and
/// their families pass from one system to the other.

/// How much a tie between two fields matters.
public enum PathwayImportance: String, Sendable, Encodable, Comparable, CaseIterable {
    /// A missing tie is a crack: people pass here as a rule.
    case core
    /// People pass here often.
    case common
    /// A missing tie is no concern unless cases cross it.
    case notExpected = "not_expected"

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// The importance of a tie between fields `a` and `b` (in either order); ties within a field
    /// are common.
    public static func of(_ a: Field, _ b: Field) -> PathwayImportance {
        if a == b { return .common }
        if a == .administration || b == .administration { return .core }  // the desk coordinates
        let pair = Set([a, b])
        if corePairs.contains(pair) { return .core }
        if commonPairs.contains(pair) { return .common }
        return .notExpected
    }

    private static let corePairs: Set<Set<Field>> = [
        [.health, .medical], [.health, .peersFamiliesNPO],  // assessment and care; 家族会, 居場所
        [.welfareElderly, .welfareCommunity],  // 8050: the elder-care centre notices the adult child
        [.education, .childrenYouthFamily], [.education, .employment],  // leaving school
        [.welfareCommunity, .employment],  // self-reliance support to work preparation
        [.welfareDisability, .employment], [.welfareDisability, .medical],  // assessment, 就労移行
        [.communityOther, .welfareElderly], [.communityOther, .welfareCommunity],  // commissioners watch
    ]

    private static let commonPairs: Set<Set<Field>> = [
        [.health, .welfareCommunity], [.health, .welfareDisability], [.health, .childrenYouthFamily],
        [.health, .welfareElderly], [.medical, .welfareCommunity], [.medical, .welfareDisability],
        [.medical, .peersFamiliesNPO], [.childrenYouthFamily, .employment], [.childrenYouthFamily, .peersFamiliesNPO],
        [.employment, .peersFamiliesNPO], [.welfareCommunity, .peersFamiliesNPO],
    ]
}

/// A pathway between agency types: every agency of `from` should have a tie to at least one
/// agency of `to`, where the network has both. These are the sharpest cracks, which a field pair
/// as a whole can hide (another office of the desk's field knows one elder-care centre).
public struct TypePathway: Sendable, Equatable {
    /// Why the pathway matters, for the wording.
    public enum Reason: String, Sendable, Encodable {
        case eightyFifty = "8050", familyGroups = "family_groups", dropIn = "drop_in"
        case psychiatricCare = "psychiatric_care", schoolLeaving = "school_leaving"
        case workPreparation = "work_preparation", watching
        /// Added in settings.csv.
        case planner
    }

    public var from: AgencyType
    public var to: [AgencyType]
    public var reason: Reason

    /// The defaults (docs/DOMAIN.md §10).
    public static let defaults: [TypePathway] = [
        TypePathway(from: .hikikomoriDesk, to: [.elderCareCentre], reason: .eightyFifty),
        TypePathway(from: .hikikomoriDesk, to: [.familyGroup], reason: .familyGroups),
        TypePathway(from: .hikikomoriDesk, to: [.dropIn, .peerGroup], reason: .dropIn),
        TypePathway(from: .healthCentre, to: [.psychiatric], reason: .psychiatricCare),
        TypePathway(from: .youthSupportStation, to: [.school, .ssw], reason: .schoolLeaving),
        TypePathway(from: .youthConsultation, to: [.school, .ssw], reason: .schoolLeaving),
        TypePathway(from: .selfReliance, to: [.workPreparation], reason: .workPreparation),
        TypePathway(from: .commissioners, to: [.elderCareCentre], reason: .watching),
    ]
}
