import Foundation

/// Folds the ways one name is written into one key, for matching names typed on survey sheets.
///
/// NFKC (full-width letters and digits, half-width katakana, `（）`, `～` become their standard
/// forms), every kind of wave dash and hyphen made one, all white space removed, Latin letters
/// lower-cased, invisible format characters (zero-width space, joiners, direction marks) removed:
/// 「ｻﾎﾟｽﾃ」, 「サポステ 」 and 「サ ポ ス テ」 all give 「サポステ」.
public func normalizedKey(_ s: String) -> String {
    var s = s  // native UTF-8: no copy
    if s.withUTF8(isFoldedKey) { return s }
    if s.utf8.allSatisfy({ $0 < 0x80 }) {  // ASCII (an ID): what the loop below does to it, byte by byte
        return s.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for b in bytes where !(0x09...0x0D).contains(b) && b != 0x20 {
                    out[count] = (0x41...0x5A).contains(b) ? b + 0x20 : b
                    count += 1
                }
                return count
            }
        }
    }
    let folded = nfkc(s)
    var out = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
        switch scalar.value {
        case 0x41...0x5A: out.append(Unicode.Scalar(scalar.value + 0x20)!)  // A–Z
        case 0x301C, 0x2053, 0x223C: out.append("~")  // 〜 ⁓ ∼ (NFKC already maps ～)
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: out.append("-")  // ‐ ‑ ‒ – −
        // Printable ASCII, kana and kanji: no case, no space (skips a slow lookup).
        case 0x21...0x7E, 0x3001...0x301B, 0x301D...0x9FFF: out.append(scalar)
        case _ where isSpace(scalar) || scalar.properties.generalCategory == .format: continue
        case _ where scalar.value >= 0x80 && scalar.properties.changesWhenLowercased:
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        default: out.append(scalar)
        }
    }
    return String(out)
}

/// Whether `normalizedKey` leaves the UTF-8 text `bytes` as it is: it holds only printable ASCII
/// other than space and capital letters, and the kana, kanji and Japanese punctuation that `nfkc`
/// leaves alone.
func isFoldedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
            guard b > 0x20 && b < 0x7F && !(0x41...0x5A).contains(b) else { return false }
            i += 1
            continue
        }
        guard b & 0xF0 == 0xE0, i + 2 < bytes.count else { return false }
        let scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        switch scalar {
        case 0x3001...0x3002, 0x3005, 0x300C...0x300F, 0x3041...0x3096, 0x30A1...0x30FE, 0x4E00...0x9FFF: i += 3
        default: return false
        }
    }
    return true
}

/// A cell's value with Unicode compatibility forms and surrounding white space folded.
/// Used for vocabulary words (fields, kinds, outcomes), where 「福祉（高齢）」 means 「福祉(高齢)」.
func cleanCell(_ s: String) -> String {
    trimmed(nfkc(s))
}

/// Unicode NFKC, skipped for text made only of characters NFKC leaves alone (ASCII, hiragana,
/// katakana, common CJK ideographs and Japanese punctuation): most cells, and much faster.
///
/// Done as compatibility decomposition then canonical composition: Foundation's one-step
/// `precomposedStringWithCompatibilityMapping` on Linux leaves 「ﾎﾟ」 as ホ + U+309A instead of ポ.
func nfkc(_ s: String) -> String {
    let stable = s.unicodeScalars.allSatisfy { c in
        switch c.value {
        case 0x20...0x7E, 0x3001...0x3002, 0x3005, 0x300C...0x300F, 0x3041...0x3096,
            0x30A1...0x30FE, 0x4E00...0x9FFF:
            true
        default: false
        }
    }
    return stable ? s : s.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
}

/// Unicode white space (the `White_Space` property), as a fast switch: the property lookup of
/// the standard library is slow on hot paths.
@inline(__always)
func isSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

/// `s` without leading and trailing white space (cheap when there is none, the common case).
func trimmed(_ s: String) -> String {
    let scalars = s.unicodeScalars
    guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return s }
    var view = Substring(s).unicodeScalars
    while let c = view.first, isSpace(c) { view.removeFirst() }
    while let c = view.last, isSpace(c) { view.removeLast() }
    return String(view)
}

/// Splits a multi-value cell at `;`, `；` or `、` and drops empty parts.
func splitList(_ s: String) -> [String] {
    s.unicodeScalars.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "、" })
        .map { trimmed(String($0)) }
        .filter { !$0.isEmpty }
}

/// Orders IDs the way people expect: runs of digits by value, so `A2` < `A10`; ties broken by
/// the plain string order, so the order is total.
public func naturalOrder(_ a: String, _ b: String) -> Bool {
    var a = a, b = b  // native UTF-8, so the byte views below are contiguous (no allocation per comparison)
    return a.withUTF8 { x in b.withUTF8 { y in naturalOrder(x, y) } } ?? (a < b)
}

private func naturalOrder(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    var i = 0, j = 0
    while i < x.count && j < y.count {
        if isDigit(x[i]) && isDigit(y[j]) {
            // Compare the numbers: leading zeros skipped, then length, then digits.
            while i < x.count && x[i] == 0x30 && i + 1 < x.count && isDigit(x[i + 1]) { i += 1 }
            while j < y.count && y[j] == 0x30 && j + 1 < y.count && isDigit(y[j + 1]) { j += 1 }
            var ei = i, ej = j
            while ei < x.count && isDigit(x[ei]) { ei += 1 }
            while ej < y.count && isDigit(y[ej]) { ej += 1 }
            if ei - i != ej - j { return ei - i < ej - j }
            while i < ei {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1; j += 1
            }
            continue
        }
        if x[i] != y[j] { return x[i] < y[j] }
        i += 1; j += 1
    }
    if (i == x.count) != (j == y.count) { return i == x.count }
    return nil
}
