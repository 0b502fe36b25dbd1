import ArgumentParser
import TsunagariKit

/// `[--exact | --sample K]`: how the commands that show path measures (betweenness, closeness,
/// harmonic) compute them. Above `automaticSampleAbove` agencies they are estimated unless `--exact`
/// is given (closeness from `automaticSample` sources, betweenness from random shortest paths), and
/// the command says so.
struct PathOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Exact path measures however large the network (above \(automaticSampleAbove) agencies they are "
                + "estimated by default)."))
    var exact = false

    @Option(
        help: ArgumentHelp(
            "Estimate the path measures: closeness from this many randomly chosen (seeded) agencies instead of "
                + "all (default above \(automaticSampleAbove) agencies: \(automaticSample)), betweenness from random "
                + "shortest paths to within ±\(estimatedBetweennessError). The error bound is stated with the numbers.")
    )
    var sample: Int?

    /// Refuses `--sample` below 1, and `--exact` with `--sample`.
    func check(_ language: Language) throws {
        if let sample, sample < 1 { throw usageError(.sampleAtLeastOne, language) }
        if exact && sample != nil { throw usageError(.exactOrSample, language) }
    }

    /// The sources to sample for a network of `agencies` agencies, or nil for the exact measures;
    /// tells the user when the automatic mode estimates them (with `weighted` betweenness, from the
    /// sources too, with their bound).
    func sources(agencies: Int, weighted: Bool = false, _ language: Language) throws -> Int? {
        try check(language)
        if exact { return nil }
        if let sample { return sample }
        guard agencies > automaticSampleAbove else { return nil }
        let bound = fixed(
            weighted
                ? sampledBetweennessError(nodes: agencies, samples: automaticSample) : estimatedBetweennessError,
            digits: 3)
        Console.err(Text.estimatingPaths(agencies: agencies, sample: automaticSample, error: bound)(language))
        return automaticSample
    }
}
