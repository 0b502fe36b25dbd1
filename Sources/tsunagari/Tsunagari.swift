import ArgumentParser
import Foundation
import TsunagariKit
import TsunagariMaps

@main
struct Tsunagari: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsunagari",
        abstract: "Maps the local support network for hikikomori support (ひきこもり支援ネットワーク).",
        discussion: """
            A network folder holds one folder per fiscal year (2025, R7 or 令和7年度), each with \
            agencies.csv, survey.csv and optionally referrals.csv. See docs/FORMATS.md.
            """,
        version: "0.1.0 (Graphviz \(graphvizVersion))",
        subcommands: [
            ReportCommand.self, Check.self, Analyze.self, Gaps.self, MapCommand.self, Compare.self, Export.self,
            Template.self, Collect.self,
        ]
    )

    /// Runs the command; on SIGINT or SIGTERM removes the temporary files first. Errors of our own
    /// (`BilingualError`) are printed in the user's language with exit status 1; a failed write to
    /// standard output is one of them.
    static func main() {
        signal(SIGPIPE, SIG_IGN)  // a closed pipe is a write error, reported, not a silent death
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                Temporaries.removeAll()
                Foundation.exit(128 + number)
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        var language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            if let localized = command as? Localized { language = localized.language }
            let threads = (command as? Threaded)?.threads ?? 0
            try Parallelism.$requested.withValue(max(0, threads)) { try command.run() }
            try Console.finish()
        } catch {
            // Standard output may have failed too: say so before the error that stopped the run.
            if !(error is OutputError),
                case .failure(let failed as OutputError) = Result(catching: { try Console.finish() })
            {
                Console.error(failed.message, hint: failed.hint, language)
            }
            fail(error, language)
        }
    }

    private static func fail(_ error: Error, _ language: Language) -> Never {
        switch error {
        case let error as BilingualError: Console.error(error.message, hint: error.hint, language)
        default: exit(withError: error)
        }
        Foundation.exit(1)
    }
}

/// A command that knows the language its messages are in (`--lang`, else the locale).
protocol Localized {
    var language: Language { get }
}

/// A command with `--threads`, which `main` applies around the whole run.
protocol Threaded {
    var threads: Int? { get }
}

/// `--lang ja|en`; without it the locale decides (Japanese under a Japanese locale).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of messages: ja or en (default: from LANG).")
    var lang: Language?

    var language: Language {
        lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }
}

extension Language: ExpressibleByArgument {}

extension Check: Localized { var language: Language { options.language } }
extension Analyze: Localized { var language: Language { options.language } }
extension Collect: Localized { var language: Language { options.language } }
extension Compare: Localized { var language: Language { options.language } }
extension Export: Localized { var language: Language { options.language } }
extension Gaps: Localized { var language: Language { options.language } }
extension MapCommand: Localized { var language: Language { options.language } }
extension ReportCommand: Localized { var language: Language { options.language } }
extension Template: Localized { var language: Language { options.language } }

extension Analyze: Threaded { var threads: Int? { input.runOptions.threads } }
extension Check: Threaded { var threads: Int? { runOptions.threads } }
extension Compare: Threaded { var threads: Int? { runOptions.threads } }
extension Export: Threaded { var threads: Int? { input.runOptions.threads } }
extension Gaps: Threaded { var threads: Int? { input.runOptions.threads } }
extension MapCommand: Threaded { var threads: Int? { input.runOptions.threads } }
extension ReportCommand: Threaded { var threads: Int? { input.runOptions.threads } }
