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
        subcommands: [ReportCommand.self, Check.self, Analyze.self, Gaps.self, MapCommand.self, Compare.self, Export.self, Template.self, Collect.self]
    )
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
