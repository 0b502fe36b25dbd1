import Foundation

/// Finds the agency a free-text name on a survey sheet or case sheet refers to.
///
/// An exact ID wins; otherwise names, short names, aliases and IDs are compared after
/// `normalizedKey` folding (表記ゆれ: width, spaces, wave dashes).
struct NameIndex: Sendable {
    /// What a name points to: an agency (index into the year's sorted agencies), or a row of
    /// agencies.csv that has its own error, so that names pointing to it raise no second error.
    enum Target: Hashable, Sendable {
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

    /// The targets of a key: nearly always one, held without an array of its own.
    struct Targets: Sendable {
        let first: Target
        private var others: [Target] = []

        init(_ first: Target) { self.first = first }

        var all: [Target] { [first] + others }
        var isSingle: Bool { others.isEmpty }
        func contains(_ target: Target) -> Bool { first == target || others.contains(target) }
        mutating func append(_ target: Target) { others.append(target) }
    }

    private var byID = ByteTable<Target>()
    /// By `normalizedKey`.
    private var byKey = ByteTable<Targets>()

    /// An agency's or a rejected row's ID and names, as `add` registers them.
    struct Entry: Sendable {
        let id: String, names: [String], target: Target
    }

    /// Registers each entry under its ID and names, in order; a duplicate ID keeps the first entry.
    /// The names' keys and the hashes of keys and IDs are found on every core first; then the IDs
    /// go into their table on another core while the names go into theirs.
    /// Returns, for each name an entry shares with one registered before it, the entry's place in
    /// `entries`, the name and the other's target, so that the caller can warn about them.
    mutating func add(_ entries: [Entry]) -> [(entry: Int, name: String, other: Target)] {
        forgetSuggestions()
        /// A part of the entries: the hash of each one's ID, and each of its keys with the name it
        /// folds (-1 for the ID, else the place among the entry's names).
        typealias Part = (range: Range<Int>, ids: [Int], keys: [(entry: Int, name: Int, key: String, hash: Int)])
        let parts = forEachChunk(entries.count, into: [Part]()) { range in
            var part: Part = (range, [], [])
            part.ids.reserveCapacity(range.count)
            part.keys.reserveCapacity(3 * range.count)
            for e in range {
                var id = entries[e].id
                part.ids.append(id.withUTF8(ByteTable<Target>.hash))
                for (n, name) in ([id] + entries[e].names).enumerated() {
                    var key = normalizedKey(name)
                    guard !key.isEmpty else { continue }
                    part.keys.append((e, n - 1, key, key.withUTF8(ByteTable<Target>.hash)))
                }
            }
            return part
        } merge: {
            $0.append($1)
        }
        let ids = Locked(byID)
        byID = ByteTable()  // the other core's copy is then the only one, and grows in place
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            ids.withLock { table in
                table.reserve(table.count + entries.count, bytes: 8 * entries.count)
                for part in parts {
                    for (e, hash) in zip(part.range, part.ids) {
                        table.update(entries[e].id, hash: hash, initial: entries[e].target) { _ in }
                    }
                }
            }
        }
        byKey.reserve(byKey.count + 3 * entries.count, bytes: 40 * entries.count)
        var clashes: [(entry: Int, name: String, other: Target)] = []
        for part in parts {
            for (e, n, key, hash) in part.keys {
                let target = entries[e].target
                byKey.update(key, hash: hash, initial: Targets(target)) { targets in
                    // New, or another of its names folds to the same key.
                    guard !targets.contains(target) else { return }
                    clashes.append((e, n < 0 ? entries[e].id : entries[e].names[n], targets.first))
                    targets.append(target)
                }
            }
        }
        group.wait()
        byID = ids.withLock { $0 }
        return clashes
    }

    /// The agency `written` names when it is an ID or a name written exactly as `normalizedKey`
    /// leaves it and names one agency (most cells of a large survey); nil otherwise, when `resolve`
    /// says what it is.
    func agency(_ written: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = ByteTable<Target>.hash(written)
        if let i = byID.index(written, hash: hash) {
            if case .agency(let agency) = byID.value(i) { return agency }
            return nil
        }
        guard isFoldedKey(written), let i = byKey.index(written, hash: hash), byKey.value(i).isSingle,
            case .agency(let agency) = byKey.value(i).first
        else { return nil }
        return agency
    }

    /// What `written` names; `suggest` false leaves an unknown name without suggestions (they
    /// are only worth computing for the diagnostics that will be printed).
    func resolve(_ written: String, suggest: Bool = true) -> Resolution {
        if let target = byID[written] { return Self.resolution(of: [target]) }
        let key = normalizedKey(written)
        if let targets = byKey[key] { return Self.resolution(of: targets.all) }
        return .unknown(suggestions: suggest ? suggestions(for: key) : [])
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
    ///
    /// Candidates come from an index of the keys' bigrams (pairs of adjacent characters): one
    /// edit removes at most two of a name's distinct bigrams, so a key within distance d of the
    /// written name shares at least max(|A|, |B|) − 2d of them, A and B the two sets of distinct
    /// bigrams (a form of the q-gram lemma, Ukkonen 1992), and a key that
    /// contains it or is contained in it shares all of the shorter one's. Only those keys are
    /// compared, and the distance stops as soon as it exceeds the bound. Results are remembered
    /// per written name. A written name over `longestSuggested` characters gets no suggestion.
    private func suggestions(for key: String) -> [Int] {
        guard !key.isEmpty else { return [] }
        if let cached = suggestionCache.withLock({ $0[key] }) { return cached }
        let written = Array(key)
        guard written.count <= Self.longestSuggested else { return [] }
        let index = candidateCache.withLock { cache in
            if let built = cache { return built }
            let built = SuggestionIndex(byKey)
            cache = built
            return built
        }
        let keyBytes = Array(key.utf8)
        let grams = Set(bigrams(written))
        var shared = [Int32](repeating: 0, count: index.keys.count)
        for gram in grams { for k in index.postings[gram] ?? [] { shared[Int(k)] += 1 } }
        var best: [Int: Int] = [:]  // agency → score (lower is closer)
        for (k, candidate) in index.keys.enumerated() {
            let (m, n) = (written.count, candidate.characters.count)
            let bound = max(1, max(m, n) / 3)
            let common = Int(shared[k])
            let contained = common == min(grams.count, candidate.grams)
            guard contained || common >= max(grams.count, candidate.grams) - 2 * bound else { continue }
            let score: Int
            // Containment on UTF-8 bytes: Foundation's String.contains trapped ("String index is out of
            // bounds") on a name with NUL characters that the fuzzer made.
            if contained && n >= 2 && m >= 2
                && (contains(candidate.bytes, keyBytes) || contains(keyBytes, candidate.bytes))
            {
                score = 0
            } else {
                guard abs(m - n) <= bound, let d = editDistance(written, candidate.characters, atMost: bound) else {
                    continue
                }
                score = d
            }
            for case .agency(let i) in candidate.targets where best[i].map({ score < $0 }) ?? true {
                best[i] = score
            }
        }
        let result = best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(3).map(\.key)
        suggestionCache.withLock { $0[key] = result }
        return result
    }

    static let longestSuggested = 200

    /// Built on first use, remembered per written name; `add` empties both, and gives a copy of
    /// the index its own, so that copies never share caches that belong to other keys.
    private var candidateCache = Locked<SuggestionIndex?>(nil)
    private var suggestionCache = Locked<[String: [Int]]>([:])

    private mutating func forgetSuggestions() {
        if isKnownUniquelyReferenced(&candidateCache) {
            candidateCache.withLock { $0 = nil }
        } else {
            candidateCache = Locked(nil)
        }
        if isKnownUniquelyReferenced(&suggestionCache) {
            suggestionCache.withLock { $0.removeAll() }
        } else {
            suggestionCache = Locked([:])
        }
    }
}

/// The keys of a name index as characters, with the positions of their bigrams.
private struct SuggestionIndex {
    var keys: [(bytes: [UInt8], characters: [Character], grams: Int, targets: [NameIndex.Target])] = []
    var postings: [String: [Int32]] = [:]

    init(_ byKey: ByteTable<NameIndex.Targets>) {
        for k in (0..<byKey.count).sorted(by: { byKey.key($0).lexicographicallyPrecedes(byKey.key($1)) }) {
            let (bytes, targets) = (Array(byKey.key(k)), byKey.value(k).all)
            let characters = Array(byKey.string(k))
            let grams = Set(bigrams(characters))
            for gram in grams { postings[gram, default: []].append(Int32(keys.count)) }
            keys.append((bytes, characters, grams.count, targets))
        }
    }
}

/// The pairs of adjacent characters of `s` (a one-character string is its own bigram).
private func bigrams(_ s: [Character]) -> [String] {
    s.count < 2 ? s.map { String($0) } : (1..<s.count).map { String([s[$0 - 1], s[$0]]) }
}

/// Whether `needle` occurs in `haystack` (naive search; names are short).
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    if needle.isEmpty { return true }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

/// Levenshtein distance (insertions, deletions, substitutions), O(|a|·|b|) time, O(|b|) memory.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    editDistance(a, b, atMost: Int.max)!
}

/// The Levenshtein distance when it is at most `bound`, else nil; stops at the first row whose
/// every entry exceeds `bound` (entries never decrease down a diagonal, Ukkonen 1985).
func editDistance(_ a: [Character], _ b: [Character], atMost bound: Int) -> Int? {
    if a.isEmpty { return b.count <= bound ? b.count : nil }
    if b.isEmpty { return a.count <= bound ? a.count : nil }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            rowMinimum = min(rowMinimum, current[j])
        }
        if rowMinimum > bound { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= bound ? previous[b.count] : nil
}
