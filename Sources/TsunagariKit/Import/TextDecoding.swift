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
public func decodeText(
    _ data: some Collection<UInt8>
) -> Result<(bytes: [UInt8], encoding: TextEncoding), DecodingError> {
    if looksLikeUTF16(data) { return .failure(.utf16) }
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
        let body = data.dropFirst(3)
        if String(validating: body, as: UTF8.self) != nil { return .success((Array(body), .utf8BOM)) }
        return .failure(.unknownEncoding(offset: 3 + firstInvalidUTF8Offset(body)))
    }
    if String(validating: data, as: UTF8.self) != nil { return .success((Array(data), .utf8)) }
    if let text = String(data: (data as? Data) ?? Data(data), encoding: .shiftJIS) {
        return .success((Array(text.utf8), .cp932))
    }
    return .failure(.unknownEncoding(offset: firstInvalidUTF8Offset(data)))
}

private func firstInvalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += UTF8.width(scalar)
        case .emptyInput, .error: return offset
        }
    }
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
