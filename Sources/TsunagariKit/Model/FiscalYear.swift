import Foundation

/// A Japanese fiscal year (年度), 1 April to 31 March: FY2025 runs April 2025 – March 2026.
public struct FiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which the fiscal year starts.
    public var year: Int

    public init(_ year: Int) { self.year = year }

    /// Reads a folder name: `2025`, `2025年度`, `R7`, `令和7年度`, `令和元年度`, `H30`, `平成30年度`.
    /// 令和N = 2018 + N, 平成N = 1988 + N.
    public init?(folderName: String) {
        var s = cleanCell(folderName)
        if s.hasSuffix("年度") { s.removeLast(2) } else if s.hasSuffix("年") { s.removeLast() }
        let eras: [(prefixes: [String], base: Int)] = [(["令和", "R", "r"], 2018), (["平成", "H", "h"], 1988)]
        for era in eras {
            for prefix in era.prefixes where s.hasPrefix(prefix) {
                let rest = String(s.dropFirst(prefix.count))
                guard let n = rest == "元" ? 1 : Int(rest), n >= 1, n <= 99 else { return nil }
                self.year = era.base + n
                return
            }
        }
        guard s.count == 4, let y = Int(s), (1990...2200).contains(y) else { return nil }
        self.year = y
    }

    /// 「令和7年度」 (from 2019) or 「平成30年度」.
    public var japanese: String {
        if year >= 2019 { return year == 2019 ? "令和元年度" : "令和\(year - 2018)年度" }
        return year == 1989 ? "平成元年度" : "平成\(year - 1988)年度"
    }

    public func label(_ language: Language) -> String {
        language == .ja ? "\(japanese)" : "FY\(year)"
    }

    /// Whether a month (`year`, 1–12) lies in this fiscal year.
    public func contains(year y: Int, month m: Int) -> Bool {
        (y == year && m >= 4) || (y == year + 1 && m <= 3)
    }

    public var description: String { "FY\(year)" }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.year < b.year }
}
