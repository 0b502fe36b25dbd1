/// Finds the agency a free-text name on a survey sheet or case sheet refers to.
///
/// An exact ID wins; otherwise names, short names, aliases and IDs are compared after
/// `normalizedKey` folding (表記ゆれ: width, spaces, wave dashes).
struct NameIndex {
    /// What a name points to: an agency (index into the year's sorted agencies), or a row of
    /// agencies.csv that has its own error, so that names pointing to it raise no second error.
    enum Target: Hashable {
        case agency(Int)
        case rejected(line: Int)
    }

    enum Resolution: Equatable {
        case found(Int)
        case rejected
        /// Several agencies share the name.
        case ambiguous([Int])
        /// No agency has the name; the closest ones are suggested.
        case unknown(suggestions: [Int])
    }

    /// Keys are UTF-8 bytes: normalised keys compare equal exactly when their bytes do, and
    /// hashing bytes avoids the Unicode normalisation `String` hashing does for Japanese text.
    private var byID: [[UInt8]: Target] = [:]
    private var byKey: [[UInt8]: [Target]] = [:]

    /// Registers an agency under its ID and names. Returns the names it shares with targets
    /// registered before it, so the caller can warn about them.
    @discardableResult
    mutating func add(id: String, names: [String], target: Target) -> [(name: String, other: Target)] {
        if byID[Array(id.utf8)] == nil { byID[Array(id.utf8)] = target }  // a duplicate ID keeps the first row
        var clashes: [(String, Target)] = []
        var seen: Set<[UInt8]> = []
        for name in [id] + names {
            let key = Array(normalizedKey(name).utf8)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            if let other = byKey[key]?.first(where: { $0 != target }) { clashes.append((name, other)) }
            byKey[key, default: []].append(target)
        }
        return clashes
    }

    func resolve(_ written: String) -> Resolution {
        if let target = byID[Array(written.utf8)] { return Self.resolution(of: [target]) }
        let key = normalizedKey(written)
        if let targets = byKey[Array(key.utf8)] { return Self.resolution(of: targets) }
        return .unknown(suggestions: suggestions(for: key))
    }

    private static func resolution(of targets: [Target]) -> Resolution {
        if targets.count == 1, case .agency(let i) = targets[0] { return .found(i) }
        let agencies = Set(targets.compactMap { if case .agency(let i) = $0 { i } else { nil } }).sorted()
        switch agencies.count {
        case 0: return .rejected
        case 1: return .found(agencies[0])
        default: return .ambiguous(agencies)
        }
    }

    /// Up to three agencies whose names come closest: a name that contains the written one or is
    /// contained in it first, then the smallest edit distance, within a third of the length.
    private func suggestions(for key: String) -> [Int] {
        guard !key.isEmpty else { return [] }
        let written = Array(key)
        let keyBytes = Array(key.utf8)
        var best: [Int: Int] = [:]  // agency → score (lower is closer)
        for (bytes, targets) in byKey {
            let candidate = String(decoding: bytes, as: UTF8.self)
            let score: Int
            // Containment on UTF-8 bytes: Foundation's String.contains trapped ("String index is out of
            // bounds") on a name with NUL characters that the fuzzer made.
            if candidate.count >= 2 && key.count >= 2 && (contains(bytes, keyBytes) || contains(keyBytes, bytes)) {
                score = 0
            } else {
                let d = editDistance(written, Array(candidate))
                guard d <= max(1, max(written.count, candidate.count) / 3) else { continue }
                score = d
            }
            for case .agency(let i) in targets where best[i].map({ score < $0 }) ?? true {
                best[i] = score
            }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3).map(\.key)
    }
}

/// Whether `needle` occurs in `haystack` (naive search; names are short).
private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    if needle.isEmpty { return true }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

/// Levenshtein distance (insertions, deletions, substitutions), O(|a|·|b|) time, O(|b|) memory.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
