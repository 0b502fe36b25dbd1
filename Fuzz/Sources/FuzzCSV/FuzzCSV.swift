// Decoding (UTF-8, BOM, CP932) and CSV parsing of arbitrary bytes: must never crash or hang.
import FuzzSupport
import TsunagariKit

func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let decoded) = decodeText(bytes) {
        let (cells, _) = parseCSV(decoded.bytes)
        for record in cells.records {
            for field in record.fields { precondition(field.line >= 1 && field.column >= 1) }
        }
    }
    return 0
}

@main
enum Main {
    static func main() { runFuzzer { fuzzCSV($0, $1) } }
}
