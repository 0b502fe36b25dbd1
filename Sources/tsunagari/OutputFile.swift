import ArgumentParser
import Foundation
import TsunagariKit

/// Writing results: never into the input folder, always whole (temporary file renamed into place).
enum OutputFile {
    static func write(_ data: Data, to path: String, input: String, _ language: Language) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        let source = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
        if target.path.hasPrefix(source.path + "/") || target.path == source.path {
            Console.err(language == .ja
                ? "入力のフォルダ (\(input)) の中には書きません。-o でほかの場所を指定してください"
                : "refusing to write inside the input folder (\(input)); choose another place with -o")
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try writeAtomically(data, to: target.path)
    }
}
