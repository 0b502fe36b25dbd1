import ArgumentParser
import Foundation
import TsunagariKit

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures of each agency and of the whole network for one year.",
        discussion: """
            Who connects whom: ties, brokerage between agencies, who holds the network together. \
            The table lists agencies by ID; it is not a ranking. CSV and JSON carry every measure \
            (docs/MEASURES.md explains each).
            """
    )

    @OptionGroup var input: YearOptions

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Flag(help: "Betweenness, closeness and harmonic use tie strength: a tie where people know each other well is a shorter way.")
    var weighted = false

    @Option(help: "Estimate betweenness and closeness from this many randomly chosen (seeded) agencies instead of all: for very large networks. The error bound of betweenness is printed.")
    var sample: Int?

    @OptionGroup var options: LanguageOption

    func validate() throws {
        if let sample, sample < 1 { throw ValidationError("--sample must be 1 or more: the number of agencies to search from") }
    }

    func run() throws {
        let language = options.language
        let progress = input.runOptions.start(language)
        defer { progress.finish() }
        let network = try input.load(language, progress)
        let n = network.agencies.count
        if sample == nil && n > 20_000 {
            let k = 1_000
            Console.err(language == .ja
                ? "機関が\(n)あるため、媒介・近接中心性の正確な計算には時間がかかります。--sample \(k) で推定すると速く終わります (誤差 ±\(fixed(sampledBetweennessError(nodes: n, samples: k), digits: 3)) 以内、確率95%)"
                : "with \(n) agencies exact betweenness and closeness take long; --sample \(k) estimates them quickly (within ±\(fixed(sampledBetweennessError(nodes: n, samples: k), digits: 3)) with 95% probability)")
        }
        let analysis = Analysis(network, weighted: weighted, betweennessSample: sample, progress: progress.handler)
        progress.finish()
        switch format {
        case .csv: Console.write(analysis.agencyCSV(language))
        case .json: Console.out(String(decoding: try analysis.json(), as: UTF8.self))
        case .table: Console.out(table(analysis, language))
        }
    }

    private func table(_ analysis: Analysis, _ language: Language) -> String {
        let s = analysis.summary
        let year = analysis.network.data.fiscalYear.label(language)
            + (analysis.network.kind.map { language == .ja ? " (連携内容「\($0.ja)」のつながりのみ)" : " (\($0.en) ties only)" } ?? "")
        let ja = language == .ja
        // With a sample the path measures are estimates, and the diameter a lower bound: said so.
        let sampled = s.betweennessSampleSize != nil
        let diameter = sampled ? (ja ? "\(s.diameter)以上 (推定)" : "at least \(s.diameter) (estimated)") : "\(s.diameter)"
        let about = sampled ? (ja ? "約" : "≈") : ""
        let lines = ja ? [
            "\(year): 機関 \(s.agencies)、つながり \(s.ties)本 (相互確認 \(s.confirmedTies)・一方向 \(s.oneSidedTies))、回答 \(s.respondents)機関",
            "密度 \(fixed(s.density, digits: 3))、相互確認の割合 \(fixed(s.reciprocity, digits: 3))、まとまり (連結成分) \(s.components.count)個、孤立 \(s.isolates.count)機関",
            "最大のまとまりの直径 \(diameter)、平均の距離 \(about)\(fixed(s.averagePathLength, digits: 2))、推移性 \(fixed(s.transitivity, digits: 3))",
            "中心化 (次数 \(fixed(s.degreeCentralization, digits: 3))・媒介 \(about)\(fixed(s.betweennessCentralization, digits: 3)))、コミュニティ \(s.communities) (モジュラリティ \(fixed(s.modularity, digits: 3)))",
            "分野をまたぐつながり E-I 指数 \(fixed(s.eiIndex, digits: 3)) (−1 すべて分野内、+1 すべて分野間)",
        ] + (s.betweennessSampleSize.map { ["媒介・近接中心性は\($0)機関からの標本による推定値です (媒介は95%の確率で誤差 ±\(fixed(s.betweennessErrorBound, digits: 4)) 以内)"] } ?? []) : [
            "\(year): \(s.agencies) agencies, \(s.ties) ties (\(s.confirmedTies) confirmed, \(s.oneSidedTies) one-sided), \(s.respondents) answered",
            "density \(fixed(s.density, digits: 3)), share confirmed \(fixed(s.reciprocity, digits: 3)), \(s.components.count) components, \(s.isolates.count) isolated",
            "largest component: diameter \(diameter), average distance \(about)\(fixed(s.averagePathLength, digits: 2)); transitivity \(fixed(s.transitivity, digits: 3))",
            "centralization: degree \(fixed(s.degreeCentralization, digits: 3)), betweenness \(about)\(fixed(s.betweennessCentralization, digits: 3)); \(s.communities) communities (modularity \(fixed(s.modularity, digits: 3)))",
            "cross-field ties: E-I index \(fixed(s.eiIndex, digits: 3)) (−1 all within fields, +1 all across)",
        ] + (s.betweennessSampleSize.map { ["betweenness and closeness estimated from \($0) sampled agencies (betweenness within ±\(fixed(s.betweennessErrorBound, digits: 4)) with 95% probability)"] } ?? [])
        var rows = [ja
            ? ["ID", "機関", "分野", "つながり", "挙げた", "挙げられた", "媒介", "近接", "コア", "制約", "切断点"]
            : ["ID", "agency", "field", "ties", "named", "named by", "between", "closeness", "core", "constraint", "cut point"]]
        for (a, agency) in zip(analysis.agencies, analysis.network.agencies) {
            rows.append([a.id, agency.displayName, a.field.label(language), "\(a.degree)", "\(a.outDegree)", "\(a.inDegree)",
                         fixed(a.betweenness, digits: 3), fixed(a.closeness, digits: 3), "\(a.core)",
                         fixed(a.constraint, digits: 3), a.articulation ? "★" : ""])
        }
        let note = ja
            ? "媒介: ほかの機関どうしの間に立つ度合い。近接: ほかの機関への近さ。制約: 低いほど互いに知らない相手どうしをつないでいる。★: 抜けるとネットワークが分かれる機関。順位ではありません。"
            : "between: how often the agency stands between others; closeness: how near it is to the others; constraint: low when it links partners who do not know each other; ★: the network splits without it. Not a ranking."
        return (lines + ["", Table.render(rows, rightAligned: Set(3...9)), "", note]).joined(separator: "\n")
    }
}
