import Foundation

/// Folds the ways one name is written into one key, for matching names typed on survey sheets.
///
/// NFKC (full-width letters and digits, half-width katakana, `（）`, `～` become their standard
/// forms), every kind of wave dash and hyphen made one, all white space removed, Latin letters
/// lower-cased: 「ｻﾎﾟｽﾃ」, 「サポステ 」 and 「サ ポ ス テ」 all give 「サポステ」.
public func normalizedKey(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.precomposedStringWithCompatibilityMapping.unicodeScalars {
        if scalar.properties.isWhitespace { continue }
        switch scalar.value {
        case 0x301C, 0x2053, 0x223C: out.append("~")  // 〜 ⁓ ∼ (NFKC already maps ～)
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: out.append("-")  // ‐ ‑ ‒ – −
        default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
    }
    return String(out)
}

/// A cell's value with Unicode compatibility forms and surrounding white space folded.
/// Used for vocabulary words (fields, kinds, outcomes), where 「福祉（高齢）」 means 「福祉(高齢)」.
func cleanCell(_ s: String) -> String {
    s.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Splits a multi-value cell at `;`, `；` or `、` and drops empty parts.
func splitList(_ s: String) -> [String] {
    s.split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == "、" })
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { !$0.isEmpty }
}
