import ArgumentParser
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

/// `--output FILE` of the commands that print a table: where a result goes, and how it is
/// written there (a workbook only to a file).
struct ResultOutput: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the result to this file instead of standard output (needed for xlsx).")
    var output: String?

    /// Refuses, before any work, a workbook (`binary`) bound for the terminal.
    func check(binary: Bool, _ language: Language) throws {
        if binary && output == nil && isatty(STDOUT_FILENO) != 0 { throw usageError(.workbookNeedsFile, language) }
    }

    /// Writes `data` to the output file (whole, never into the input folder) or to standard output.
    func emit(_ data: Data, input: String, _ language: Language) throws {
        if let output {
            try OutputFile.write(data, to: output, input: input)
            Console.err(output)
        } else {
            Console.write(data)
        }
    }
}
