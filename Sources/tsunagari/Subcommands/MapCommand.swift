import ArgumentParser
import Foundation
import TsunagariKit
import TsunagariMaps

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a map of the network: SVG, PNG, PDF or DOT.",
        discussion: """
            Colour shows the field, shape public/private, size the chosen measure; thick lines join \
            agencies that know each other well, dotted arrows ties only one side named. Agencies \
            without ties are gathered in a box. Variants: network, ego (--focus ID), fields, \
            referrals (case hand-offs; counts of 1 or 2 are drawn alike and not printed), kind (--kind K), \
            core, resources and areas (a box per municipality, with the ties across them counted). Above 5,000 agencies or 5,000 ties the default is the core, and maps of over \
            1,000 nodes are drawn without neato (it would need memory growing with the square).
            """
    )

    @OptionGroup var input: YearOptions

    @Option(
        help: ArgumentHelp(
            "network, ego, fields, referrals, kind, core (the densest part; the default above 5,000 agencies), "
                + "resources (who offers what for which ages, from the agencies' profiles), or areas (the "
                + "municipalities of a health centre's area, from agencies.csv's area column)."))
    var variant: MapVariant?

    @Option(help: "svg, png, pdf or dot (dot needs no Graphviz).")
    var format: MapFormat = .svg

    @Option(name: .shortAndLong, help: "The file to write (default: out/map-<variant>-<year>.<format>).")
    var output: String?

    @Option(
        name: .customLong("size-by"),
        help: "What node size shows: none, degree, betweenness, closeness, harmonic, pagerank, eigenvector or core.")
    var sizeBy: SizeMeasure = .degree

    @Flag(help: "Mark suggested connections, agencies the network splits without, and bridges.")
    var gaps = false

    @Option(help: "The agency ID at the centre of an ego map.")
    var focus: String?

    @Option(help: "How many steps from the centre an ego map reaches (1 or 2).")
    var radius = 1

    @Option(help: "a4, a3 (landscape) or slide (16:9): a PDF or PNG has exactly this size.")
    var paper: Paper = .a4

    @Option(help: "The area's name for the title (default: the folder's name).")
    var title: String?

    @Option(
        help: ArgumentHelp(
            "Layout engine (default: neato up to 1,000 agencies, sfdp beyond; maps of over 1,000 nodes are drawn with "
                + "nop2).")
    )
    var engine: String?

    @OptionGroup var paths: PathOptions

    @Flag(help: "Print exact hand-off counts on referral maps (not for meetings).")
    var `internal` = false

    @OptionGroup var options: LanguageOption

    func run() throws {
        let language = options.language
        let progress = try input.runOptions.start(language)
        defer { progress.finish() }
        let network = try input.load(language, progress)
        var mapOptions = MapOptions()
        // The whole map of a large network is a hairball that no layout can make readable.
        let large = showsCoreOnly(network)
        let variant = variant ?? (large ? .core : .network)
        if large && self.variant == nil {
            Console.err(Text.drawingCore(agencies: network.agencies.count, ties: network.ties.count)(language))
        }
        mapOptions.variant = variant
        mapOptions.language = language
        mapOptions.area =
            title ?? network.data.settings.title ?? URL(fileURLWithPath: input.directory).standardized.lastPathComponent
        mapOptions.sizeBy = sizeBy
        mapOptions.showGaps = gaps
        mapOptions.focus = focus
        mapOptions.radius = radius
        mapOptions.kind = network.kind
        mapOptions.paper = paper
        mapOptions.counts = network.data.settings.counts(exact: `internal`)
        let drawing: MapDrawing
        do {
            // Only a map sized by a path measure needs one.
            try paths.check(language)
            let needsPaths = [.betweenness, .closeness, .harmonic].contains(sizeBy)
            let sample = needsPaths ? try paths.sources(agencies: network.agencies.count, language) : nil
            drawing = try MapDrawing(
                Analysis(network, betweennessSample: sample, pathMeasures: needsPaths, progress: progress.handler),
                mapOptions)
        } catch let error as MapError {
            throw ValidationError(error.message(language))
        }
        let engines = MapEngines(drawing)
        if format != .dot && engines.render != "neato" {
            Console.err(Text.largeMapEngines(layout: engine ?? engines.layout, render: engines.render)(language))
        }
        let data = try renderMap(drawing, format: format, engine: engine)
        let path = output ?? "out/map-\(variant.rawValue)-\(network.data.fiscalYear.year).\(format.rawValue)"
        try OutputFile.write(data, to: path, input: input.directory, internal: `internal`)
        Console.out(path)
    }
}

extension MapVariant: ExpressibleByArgument {}
extension MapFormat: ExpressibleByArgument {}
extension SizeMeasure: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}
