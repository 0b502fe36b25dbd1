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
}

/// Decodes file bytes as "UTF-8 (byte-order mark stripped), else CP932, else error", so a file
/// is never silently read in the wrong encoding.
///
/// Foundation's `.shiftJIS` decodes the CP932 extensions (①, ㈱, 髙, ～) and fails on invalid
/// bytes. A file of pure ASCII is valid in both and reads the same either way.
public func decodeText(_ data: [UInt8]) -> Result<(text: String, encoding: TextEncoding), DecodingError> {
    if data.starts(with: [0xEF, 0xBB, 0xBF]) {
        let body = data.dropFirst(3)
        if let text = String(validating: body, as: UTF8.self) { return .success((text, .utf8BOM)) }
        return .failure(.unknownEncoding(offset: 3 + firstInvalidUTF8Offset(body)))
    }
    if let text = String(validating: data, as: UTF8.self) { return .success((text, .utf8)) }
    if let text = String(data: Data(data), encoding: .shiftJIS) { return .success((text, .cp932)) }
    return .failure(.unknownEncoding(offset: firstInvalidUTF8Offset(data[...])))
}

private func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
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
