/// The one rule by which every output shows counts of cases and hand-offs (docs/DOMAIN.md §7).
///
/// Statistical offices protect small cells of a table in two steps (Hundepool et al.,
/// *Statistical Disclosure Control*, Wiley 2012, ch. 4): *primary suppression* hides each cell
/// below a threshold, and *secondary (complementary) suppression* makes sure the hidden cells
/// cannot be worked out again from the cells and totals that are shown. Here:
///
/// 1. A count of 1 … `threshold − 1` is shown as "fewer than `threshold`", and drawn like every
///    other hidden count (no width, style or position tells them apart). Zero is shown.
/// 2. A total shown beside its parts (a field pair's failed hand-offs beside each pair of
///    agencies, a tag's) is exact only when none of its parts is hidden. Otherwise it is shown as
///    "at least N", where N is the lower bound the shown parts already give (each hidden part is at
///    least 1), and never less than the threshold: subtracting the parts from it yields nothing new.
/// 3. Nothing decided by a hidden count shows (a severity, a dashed line, a finding's presence
///    beyond "fewer than the threshold").
/// 4. A count is never shown for two years in one output: comparisons name what appeared and
///    disappeared, not how a count changed.
///
/// `exact` (the `--internal` outputs) shows every count as it is.
public struct CaseCountRule: Sendable, Equatable {
    public var threshold: Int
    public var exact: Bool

    public init(threshold: Int = 3, exact: Bool = false) {
        (self.threshold, self.exact) = (threshold, exact)
    }

    /// Whether a count is hidden in this output.
    public func isHidden(_ n: Int) -> Bool { !exact && n > 0 && n < threshold }

    /// One cell: exact, or "fewer than the threshold".
    public func cell(_ n: Int) -> CaseCount {
        isHidden(n) ? .fewerThan(threshold) : .exact(n)
    }

    /// A total shown beside the cells it is the sum of (rule 2). `parts` are the cells' true
    /// counts; their sum is the total.
    public func total(of parts: [Int]) -> CaseCount {
        let sum = parts.reduce(0, +)
        if exact || !parts.contains(where: isHidden) { return cell(sum) }
        if sum < threshold { return .fewerThan(threshold) }
        let bound = parts.reduce(0) { $0 + (isHidden($1) ? 1 : $1) }
        return .atLeast(max(bound, threshold))
    }
}

/// A count as an output shows it.
public enum CaseCount: Sendable, Equatable {
    case exact(Int)
    case fewerThan(Int)
    case atLeast(Int)

    /// The count with its unit in Japanese (「4件」「3件未満」「5件以上」) and as a number phrase
    /// in English ("4", "fewer than 3", "at least 5").
    public var text: Text {
        switch self {
        case .exact(let n): Text(ja: "\(n)件", en: "\(n)")
        case .fewerThan(let n): Text(ja: "\(n)件未満", en: "fewer than \(n)")
        case .atLeast(let n): Text(ja: "\(n)件以上", en: "at least \(n)")
        }
    }

    /// Short form for map labels and table cells: "4", "<3", "5+".
    public var short: String {
        switch self {
        case .exact(let n): "\(n)"
        case .fewerThan(let n): "<\(n)"
        case .atLeast(let n): "\(n)+"
        }
    }
}
