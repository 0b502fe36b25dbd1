import Foundation

/// Runs the built `tsunagari` binary (and the Python scripts of Tests/scripts) the way a user
/// does, for every suite of the command-line tests.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary = Bundle.main.bundleURL.appendingPathComponent("tsunagari")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sample = repository.appendingPathComponent("SampleData/midori").path

    static func run(_ arguments: [String], lang: String = "C.UTF-8", executable: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        process.environment = ["LANG": lang, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a Python script of Tests/scripts (or of another folder of the repository); returns its
    /// exit status and standard output.
    static func runScript(
        _ name: String, _ arguments: [String], folder: String = "Tests/scripts"
    ) throws -> (
        status: Int32, stdout: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", repository.appendingPathComponent(folder + "/" + name).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    static func tempFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagari-cli-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The rows of CSV text: a small RFC 4180 reader, independent of the one under test (quoted
    /// cells, doubled quotes, LF or CRLF line ends, a byte-order mark skipped).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" && chars.first == "\n" {
                if c == "\r" { chars.removeFirst() }
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !row.isEmpty || !field.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
