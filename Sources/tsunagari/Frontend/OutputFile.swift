import Foundation
import TsunagariKit

/// Writing results: never inside the input folder (links resolved), never over a device or a
/// pipe, always whole (a temporary file renamed into place), keeping the replaced file's
/// permissions; new files that hold exact case counts or notes (`internal`) are readable by
/// their owner only.
enum OutputFile {
    static func write(_ data: Data, to path: String, input: String, internal: Bool = false) throws {
        try checkOutputPath(path, input: input)
        try writeAtomically(data, to: path, mode: outputMode(internal: `internal`))
    }
}
