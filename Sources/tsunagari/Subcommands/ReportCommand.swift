import ArgumentParser
import Foundation
import TsunagariKit
import TsunagariReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the meeting report: one offline HTML file, plus the maps as SVG and PDF for slides.",
        discussion: """
            The report opens from a USB stick without network access and prints on A4 landscape. By \
            default it is fit for a meeting: counts of 1 or 2 cases are shown as fewer than 3 (README, \
            Privacy and safety), and no case IDs or notes appear. --internal shows exact counts and notes and says so on every page.
            """
    )

    @OptionGroup var input: YearOptions

    @Option(name: .shortAndLong, help: "The output folder (default: out). Never inside the input folder.")
    var output = "out"

    @Flag(help: "Exact case counts and survey notes, for the health centre's own use.")
    var `internal` = false

    @Flag(help: "Add one printable page per agency: its partners by kind, its own map, its change since last year.")
    var cards = false

    @Flag(help: "Also write handout.html: one A4 page with the map, the main findings and the key numbers.")
    var handout = false

    @Option(
        help:
            "a4 or a3: the paper the report prints on (landscape) and its maps' PDFs fill; every map is also written for 16:9 slides (maps/NAME-slide.pdf)."
    )
    var paper: Paper = .a4

    @Option(help: "The area's name for the title (default: the folder's name).")
    var title: String?

    @OptionGroup var paths: PathOptions

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        guard paper != .slide else { throw ValidationError(Text.reportPaper(language)) }
        let progress = try input.runOptions.start(language)
        defer { progress.finish() }
        // Prints the diagnostics; stops on errors.
        let (network, diagnostics, yearNetwork, area) = try input.loadAll(language, progress)
        guard let year = network.years.firstIndex(where: { $0.fiscalYear == yearNetwork.data.fiscalYear }) else {
            throw ExitCode.failure
        }
        let largest = network.years.map(\.agencies.count).max() ?? 0
        let sample = try paths.sources(agencies: largest, language)
        let history = NetworkHistory(network, betweennessSample: sample, progress: progress.handler)
        var reportOptions = ReportOptions(
            year: year,
            area: title ?? area ?? network.settings.title
                ?? URL(fileURLWithPath: input.directory).standardized.lastPathComponent,
            language: language)
        reportOptions.internalUse = `internal`
        reportOptions.cards = cards
        reportOptions.paper = paper
        reportOptions.handout = handout
        let report = try makeMeetingReport(history, options: reportOptions, warnings: diagnostics.sorted)
        for note in report.notes { Console.err(note(language)) }
        try checkOutputPath(output, input: input.directory, folder: true)
        for file in report.files {
            try checkOutputPath((output as NSString).appendingPathComponent(file.path), input: input.directory)
        }
        // The report and its maps replace the last ones as a whole: never a mix of old and new.
        try replaceAsWhole(report.files, in: output, mode: outputMode(internal: `internal`))
        Console.out((output as NSString).appendingPathComponent("report.html"))
    }
}
