import ArgumentParser
import Foundation
import TsunagariKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the network with every attribute and measure for Gephi, Cytoscape or networkx.",
        discussion: "GraphML and GEXF open in Gephi and Cytoscape; JSON is networkx's node-link format."
    )

    @OptionGroup var input: YearOptions

    @Option(help: "graphml, gexf or json.")
    var format: ExportFormat = .graphml

    @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
    var output: String?

    @OptionGroup var paths: PathOptions

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let progress = try input.runOptions.start(language)
        defer { progress.finish() }
        let network = try input.load(language, progress)
        let sample = try paths.sources(agencies: network.agencies.count, language)
        let data = try Analysis(network, betweennessSample: sample, progress: progress.handler).export(
            format, language: language)
        progress.finish()
        if let output {
            try OutputFile.write(data, to: output, input: input.directory)
            Console.out(output)
        } else {
            Console.write(data)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
