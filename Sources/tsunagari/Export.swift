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

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let data = try Analysis(try input.load(language)).export(format, language: language)
        if let output {
            try OutputFile.write(data, to: output, input: input.directory, language)
            Console.out(output)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
