import ArgumentParser
import TsunagariKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every year of a network folder and print each problem with its place.",
        discussion: """
            Reads .csv, .xlsx and Unicode text files, and settings.csv beside the year folders. Lists the \
            agency types read from the names in the latest year, for a planner to confirm. Exit status 0 \
            when there are no errors, 1 otherwise. Warnings (a year still being collected, rows not counted \
            as ties, an agency naming far more partners than before) do not fail the check.
            """
    )

    @Argument(help: "The network folder (one sub-folder per fiscal year).")
    var directory: String

    @Flag(help: "Show exact case counts (fewer than 3 are otherwise shown as such). Not for meetings.")
    var `internal` = false

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let progress = try runOptions.start(language)
        let loaded = progress.run(.reading) { loadNetwork(at: directory) }
        let (network, diagnostics) = (loaded.network, loaded.diagnostics)
        progress.finish()
        Console.report(diagnostics, language)
        for (i, year) in network.years.enumerated() {
            let latest = i == network.years.count - 1
            for line in Console.summary(
                year, language, counts: network.settings.counts(exact: `internal`), types: latest)
            {
                Console.out(line)
            }
        }
        Console.out(Console.counts(diagnostics, language))
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}
