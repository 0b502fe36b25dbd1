import Foundation

/// The text encodings Excel in Japan writes.
public enum TextEncoding: String, Sendable {
    /// UTF-8, with or without a byte-order mark ("CSV UTF-8" in Excel).
    case utf8
    /// UTF-8 with the byte-order mark Excel writes.
    case utf8BOM = "utf8-bom"
    /// CP932 (Windows-31J), the Shift_JIS superset of Japanese Windows and Excel's plain "CSV".
    case cp932
}

public enum DecodingError: Error, Equatable {
    /// The bytes are neither UTF-8 nor CP932; `offset` is the first byte that is not valid UTF-8.
    case unknownEncoding(offset: Int)
    /// UTF-16 (Excel's "Unicode text"), with or without a byte-order mark.
    case utf16
}

/// Decodes file bytes as "UTF-8 (byte-order mark stripped), else CP932, else error", so a file
/// is never silently read in the wrong encoding; the text comes back as UTF-8 bytes.
///
/// Foundation's `.shiftJIS` decodes the CP932 extensions (①, ㈱, 髙, ～) and fails on invalid
/// bytes. A file of pure ASCII is valid in both and reads the same either way.
public func decodeText(_ data: consuming [UInt8]) -> Result<(bytes: [UInt8], encoding: TextEncoding), DecodingError> {
    if looksLikeUTF16(data) { return .failure(.utf16) }
    let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let valid = data.withUnsafeBufferPointer { validUTF8Prefix(UnsafeBufferPointer(rebasing: $0[bom...])) }
    if bom > 0 {
        guard valid == data.count - bom else { return .failure(.unknownEncoding(offset: bom + valid)) }
        data.removeFirst(bom)
        return .success((data, .utf8BOM))
    }
    if valid == data.count { return .success((data, .utf8)) }
    if let text = String(data: Data(data), encoding: .shiftJIS) {
        return .success((Array(text.utf8), .cp932))
    }
    return .failure(.unknownEncoding(offset: valid))
}

/// The length of the longest prefix of `bytes` that is well-formed UTF-8 (The Unicode Standard,
/// §3.9, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF); the whole count
/// when all of it is. Eight bytes at a time while they are ASCII.
func validUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let n = bytes.count
    var i = 0
    while i < n {
        if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
            continue
        }
        let lead = bytes[i]
        if lead < 0x80 {
            i += 1
            continue
        }
        // The sequence's length and the range of its second byte.
        let (length, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return i
        }
        guard i + length <= n, (low...high).contains(bytes[i + 1]) else { return i }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
        i += length
    }
    return n
}

/// UTF-16: a byte-order mark FF FE or FE FF, or (without one) zero bytes in at least a quarter of
/// the even or of the odd places of the first 4 KB: ASCII and kana in UTF-16 have a zero high or
/// low byte, and CSV text in UTF-8 or CP932 has no zero bytes at all.
func looksLikeUTF16(_ data: some Collection<UInt8>) -> Bool {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
    let head = data.prefix(4096)
    guard head.count >= 4 else { return false }
    var zeros = [0, 0]
    for (i, b) in head.enumerated() where b == 0 { zeros[i & 1] += 1 }
    return zeros.max()! * 4 >= head.count / 2
}
