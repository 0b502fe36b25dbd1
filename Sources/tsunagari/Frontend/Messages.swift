import ArgumentParser
import TsunagariKit

/// Every sentence the command line prints, by command, in both languages; the commands choose
/// and fill in. The library's own wording (diagnostics, findings, the report) is in its catalogues.
extension Text {
    static let reportPaper = Text(
        ja: "report の --paper は a4 か a3 です (スライド用の16:9の地図は、いつも maps/*-slide.pdf に書かれます)",
        en: "report --paper is a4 or a3 (the maps for 16:9 slides are always written as maps/*-slide.pdf)")
    // MARK: console

    static let errorPrefix = Text(ja: "エラー: ", en: "error: ")

    static func standardOutputFailed(_ reason: Text) -> OutputError {
        OutputError(
            message: Text(
                ja: "標準出力に書き込めませんでした (\(reason.ja))。結果は失われました",
                en: "could not write to standard output (\(reason.en)); the results are lost"),
            hint: Text(
                ja: "-o でファイルに書くか、出力先の空き容量を確かめてください",
                en: "write to a file with -o, or check the free space where the output goes"))
    }

    static func moreDiagnostics(file: String, errors: Int, warnings: Int, shown: Int) -> Text {
        Text(
            ja: "\(file): ほかに エラー \(errors)件、警告 \(warnings)件 (それぞれ最初の\(shown)件だけ表示しました)",
            en: "\(file): \(errors) more errors and \(warnings) more warnings (the first \(shown) of each are shown)")
    }

    static func diagnosticCounts(errors: Int, warnings: Int) -> Text {
        Text(
            ja: "エラー \(errors)件、警告 \(warnings)件",
            en: "\(englishCount(errors, "error", "errors")), \(englishCount(warnings, "warning", "warnings"))")
    }

    static func yearSummary(title: String, _ s: YearSummary, cases: CaseCount, handOffs: CaseCount) -> Text {
        Text(
            ja: "\(title): 機関 \(s.agencies)、回答 \(s.reports)件"
                + " (相互に確認された連携 \(s.confirmedTies)組、一方向の連携 \(s.oneSidedTies)組)、"
                + "事例 \(cases.text.ja) (つなぎ \(handOffs.text.ja))",
            en: "\(title): \(englishCount(s.agencies, "agency", "agencies")),"
                + " \(englishCount(s.reports, "report", "reports"))"
                + " (\(englishCount(s.confirmedTies, "confirmed tie", "confirmed ties")), \(s.oneSidedTies) "
                + "one-sided), \(cases.text.en) \(cases == .exact(1) ? "case" : "cases") "
                + "(\(handOffs.text.en) \(handOffs == .exact(1) ? "hand-off" : "hand-offs"))")
    }

    static func nonResponding(_ count: Int, names: [String], more: Int) -> Text {
        Text(
            ja: "  未回答の機関 \(count): " + names.joined(separator: "、") + (more > 0 ? "、ほか\(more)機関" : ""),
            en: "  did not answer (\(count)): " + names.joined(separator: ", ") + (more > 0 ? ", and \(more) more" : "")
        )
    }

    static func inferredTypes(_ count: Int, names: [String], more: Int) -> Text {
        Text(
            ja: "  種別を名前から読み取った機関 \(count) (違っていれば agencies.csv の「種別」に書いてください): "
                + names.joined(separator: "、") + (more > 0 ? "、ほか\(more)機関" : ""),
            en: "  types read from the names (\(count); correct any in the 'type' column of agencies.csv): "
                + names.joined(separator: ", ") + (more > 0 ? ", and \(more) more" : ""))
    }

    // MARK: progress line

    static func timeLeft(_ clock: String) -> Text { Text(ja: " 残り約\(clock)", en: " about \(clock) left") }
    static func timeSoFar(_ clock: String) -> Text { Text(ja: " … \(clock)経過", en: " … \(clock)") }

    // MARK: options

    static let threadsAtLeastOne = Text(
        ja: "--threads は1以上にしてください (省略するとすべてのコアを使います)",
        en: "--threads must be 1 or more (leave it out to use every core)")

    static func notAFiscalYear(_ text: String, example: String) -> Text {
        Text(
            ja: "「\(text)」は年度として読めません。\(example) のように書いてください",
            en: "'\(text)' is not a fiscal year; write it like \(example)")
    }

    static func notAKind(_ text: String, _ kinds: String) -> Text {
        Text(
            ja: "「\(text)」は連携内容ではありません。次のどれかを指定してください: \(kinds)",
            en: "'\(text)' is not a kind of tie; use one of: \(kinds)")
    }

    static func notAnalysingErrors(_ counts: String) -> Text {
        Text(
            ja: "入力にエラーがあるため分析しません (\(counts))。tsunagari check で確かめてください",
            en: "not analysing input with errors (\(counts)); see tsunagari check")
    }

    static let noAreas = Text(
        ja: "agencies.csv に「市区町村」(area) の列がないので、--area は使えません",
        en: "agencies.csv has no area column, so there is no --area to choose")
    static func notAnArea(_ written: String, _ areas: String) -> Text {
        Text(
            ja: "「\(written)」という市区町村はありません。次のどれかを指定してください: \(areas)",
            en: "there is no area '\(written)'; use one of: \(areas)")
    }

    static func noDataForYear(available: String) -> Text {
        Text(ja: "その年度のデータがありません (あるのは \(available))", en: "no data for that year (available: \(available))")
    }

    // MARK: tables

    static let tieChangeColumns = [
        Text(ja: "状態", en: "status"), Text(ja: "機関A", en: "a"), Text(ja: "機関B", en: "b"),
        Text(ja: "機関名A", en: "name_a"), Text(ja: "機関名B", en: "name_b"), Text(ja: "変化", en: "change"),
        Text(ja: "顔の見える関係 (前)", en: "familiarity_before"), Text(ja: "顔の見える関係 (後)", en: "familiarity_after"),
        Text(ja: "相互確認 (前)", en: "confirmed_before"), Text(ja: "相互確認 (後)", en: "confirmed_after"),
        Text(ja: "増えた連携内容", en: "kinds_added"), Text(ja: "減った連携内容", en: "kinds_lost"),
    ]
    static let tieNew = Text(ja: "新しい", en: "new")
    static let tieLost = Text(ja: "なくなった", en: "lost")
    static let tieKept = Text(ja: "続いている", en: "kept")
    static let agenciesSheet = Text(ja: "機関別", en: "Agencies")
    static let networkSheet = Text(ja: "全体", en: "Network")
    static let areasSheet = Text(ja: "市区町村", en: "Areas")
    static func areaChangeColumns(_ y0: String, _ y1: String) -> [Text] {
        [
            Text(ja: "市区町村", en: "area"), Text(ja: "機関 (\(y0) → \(y1))", en: "agencies (\(y0) → \(y1))"),
            Text(ja: "つながり", en: "ties"), Text(ja: "市区町村をまたぐつながり", en: "ties to other municipalities"),
        ]
    }
    static let findingsSheet = Text(ja: "気づき", en: "Findings")
    static let tiesSheet = Text(ja: "つながりの変化", en: "Tie changes")

    static let workbookNeedsFile = Text(
        ja: "--format xlsx は画面に出せません。--output で書き込むファイルを指定してください (例: --output 分析.xlsx)",
        en: "--format xlsx cannot go to the terminal; name the file with --output (e.g. --output analysis.xlsx)")

    // MARK: analyze

    static let sampleAtLeastOne = Text(
        ja: "--sample は1以上にしてください (推定に使う機関の数です)",
        en: "--sample must be 1 or more: the number of agencies to search from")

    static func estimatingPaths(agencies: Int, sample: Int, error: String) -> Text {
        Text(
            ja:
                "機関が\(agencies)あるため、媒介・近接中心性は推定値にします (媒介は誤差 ±\(error) 以内、確率95%。近接は\(sample)機関を起点に)。正確な値は --exact で (時間がかかります)",
            en: "with \(agencies) agencies, betweenness and closeness are estimated (betweenness within ±\(error) "
                + "with 95% probability, closeness from \(sample) agencies); --exact computes them exactly (slowly)")
    }

    static let exactOrSample = Text(
        ja: "--exact と --sample は同時に使えません", en: "give --exact or --sample, not both")

    static func kindOnly(_ kind: TieKind) -> Text {
        Text(ja: " (連携内容「\(kind.ja)」のつながりのみ)", en: " (\(kind.en) ties only)")
    }

    static func estimatedDiameter(_ d: Int) -> Text { Text(ja: "\(d)以上 (推定)", en: "at least \(d) (estimated)") }
    static let about = Text(ja: "約", en: "≈")

    /// The summary lines of `analyze`; `diameter` and `about` are already worded (estimates marked).
    static func analysisSummary(_ s: NetworkMeasures, year: String, diameter: String, about: String) -> [Text] {
        let d3 = { (x: Double) in fixed(x, digits: 3) }
        var lines = [
            Text(
                ja: "\(year): 機関 \(s.agencies)、つながり \(s.ties)本 (相互確認 \(s.confirmedTies)・一方向 \(s.oneSidedTies))、"
                    + "回答 \(s.respondents)機関",
                en: "\(year): \(s.agencies) agencies, \(s.ties) ties (\(s.confirmedTies) "
                    + "confirmed, \(s.oneSidedTies) one-sided), \(s.respondents) answered"),
            Text(
                ja: "密度 \(d3(s.density))、相互確認の割合 \(d3(s.reciprocity))、まとまり (連結成分) \(s.components.count)個、"
                    + "孤立 \(s.isolates.count)機関",
                en: "density \(d3(s.density)), share confirmed \(d3(s.reciprocity)), \(s.components.count) components, "
                    + "\(s.isolates.count) isolated"),
            Text(
                ja: "最大のまとまりの直径 \(diameter)、平均の距離 \(about)\(fixed(s.averagePathLength, digits: 2))、"
                    + "推移性 \(d3(s.transitivity))",
                en: "largest component: diameter \(diameter), average "
                    + "distance \(about)\(fixed(s.averagePathLength, digits: 2)); transitivity \(d3(s.transitivity))"),
            Text(
                ja: "中心化 (次数 \(d3(s.degreeCentralization))・媒介 \(about)\(d3(s.betweennessCentralization)))、"
                    + "コミュニティ \(s.communities) (モジュラリティ \(d3(s.modularity)))",
                en: "centralization: degree \(d3(s.degreeCentralization)), "
                    + "betweenness \(about)\(d3(s.betweennessCentralization)); "
                    + "\(s.communities) communities (modularity \(d3(s.modularity)))"),
            Text(
                ja: "分野をまたぐつながり E-I 指数 \(d3(s.eiIndex)) (−1 すべて分野内、+1 すべて分野間)",
                en: "cross-field ties: E-I index \(d3(s.eiIndex)) (−1 all within fields, +1 all across)"),
        ]
        if let e = s.estimate {
            let bound = fixed(e.betweennessErrorBound, digits: 4)
            lines.append(
                e.betweennessPaths.map { paths in
                    Text(
                        ja: "媒介中心性は無作為に選んだ最短経路\(paths)本による推定値です (95%の確率で誤差 ±\(bound) 以内)。"
                            + "上位10機関のうち\(e.certainTop10 ?? 0)機関は誤差を考えても上位10に入ります",
                        en: "betweenness estimated from \(paths) random shortest paths (within ±\(bound) with 95% "
                            + "probability); \(e.certainTop10 ?? 0) of the top 10 are in the top 10 whatever the error")
                }
                    ?? Text(
                        ja: "媒介中心性は\(e.sources)機関を起点にした推定値です (95%の確率で誤差 ±\(bound) 以内)",
                        en: "betweenness estimated from \(e.sources) sampled agencies "
                            + "(within ±\(bound) with 95% probability)"))
            lines.append(
                Text(
                    ja: "近接中心性と距離は\(e.sources)機関を起点にした推定値です (直径は見つかった最長の距離)",
                    en: "closeness and distances estimated from \(e.sources) sampled agencies "
                        + "(the diameter is the longest distance seen)"))
        }
        return lines
    }

    static let analysisColumns: [Text] = [
        Text(ja: "ID", en: "ID"), Text(ja: "機関", en: "agency"), Text(ja: "分野", en: "field"),
        Text(ja: "つながり", en: "ties"), Text(ja: "挙げた", en: "named"), Text(ja: "挙げられた", en: "named by"),
        Text(ja: "媒介", en: "between"), Text(ja: "近接", en: "closeness"), Text(ja: "コア", en: "core"),
        Text(ja: "制約", en: "constraint"), Text(ja: "切断点", en: "cut point"),
    ]

    static let analysisNote = Text(
        ja: "媒介: ほかの機関どうしの間に立つ度合い。近接: ほかの機関への近さ。制約: 低いほど互いに知らない相手どうしをつないでいる。★: 抜けるとネットワークが分かれる機関。順位ではありません。",
        en: "between: how often the agency stands between others; closeness: how near it is to the others; constraint: "
            + "low when it links partners who do not know each other; ★: the network splits without it. Not a ranking.")

    // MARK: gaps

    static func findingsCount(year: String, _ n: Int) -> Text {
        Text(ja: "\(year): 気づいた点 \(n)件", en: "\(year): \(n) findings")
    }

    static func severityHeading(_ severity: Finding.Severity) -> Text {
        switch severity {
        case .high: Text(ja: "■ 重要", en: "■ Important")
        case .medium: Text(ja: "■ 注意", en: "■ Worth attention")
        case .low: Text(ja: "■ 参考・提案", en: "■ For reference and suggestions")
        }
    }

    // MARK: map

    static func drawingCore(agencies: Int, ties: Int) -> Text {
        Text(
            ja: "機関が\(agencies)、つながりが\(ties)本あるため、中心部分 (--variant core) を描きます。全体は --variant network で描けます",
            en: "with \(agencies) agencies and \(ties) ties the map shows the core (--variant core); --variant "
                + "network draws everything")
    }

    static func largeMapEngines(layout: String, render: String) -> Text {
        Text(
            ja: "大きな地図のため、配置に \(layout)、描画に \(render) (配置をそのまま描く方法) を使います",
            en: "a large map: laid out with \(layout), drawn with \(render) (positions as laid out)")
    }

    // MARK: compare

    static let notComparingErrors = Text(
        ja: "入力にエラーがあるため比較しません。tsunagari check で確かめてください", en: "not comparing input with errors; see tsunagari check")
    static let needsTwoYears = Text(ja: "比べるには2年度以上のデータが必要です", en: "comparing needs at least two years")
    static let fromBeforeTo = Text(ja: "--from には --to より前の年度を指定してください", en: "--from must be a year before --to")

    static func noDataForNamedYear(_ year: String) -> Text {
        Text(ja: "「\(year)」のデータがありません", en: "no data for the year '\(year)'")
    }

    static let noneListed = Text(ja: "なし", en: "none")
    static let listSeparator = Text(ja: "、", en: ", ")

    static func agencyChange(_ before: Int, _ after: Int, joined: String, closed: String) -> Text {
        Text(
            ja: "機関: \(before) → \(after) (加わった機関: \(joined)。なくなった機関: \(closed))",
            en: "agencies: \(before) → \(after) (joined: \(joined); closed: \(closed))")
    }

    static func tieChange(_ c: YearComparison) -> Text {
        let kept = c.keptTies
        let (before, after) = (c.before.summary.ties, c.after.summary.ties)
        let (stronger, weaker) = (kept.count { $0.change == .stronger }, kept.count { $0.change == .weaker })
        let (changed, same) = (kept.count { $0.change == .changed }, kept.count { $0.change == .same })
        return Text(
            ja: "つながり: \(before) → \(after) (新しい \(c.newTies.count)、なくなった \(c.lostTies.count)、強まった \(stronger)、"
                + "弱まった \(weaker)、変わった \(changed)、同じ \(same))",
            en: "ties: \(before) → \(after) (new \(c.newTies.count), lost \(c.lostTies.count), stronger \(stronger), "
                + "weaker \(weaker), changed \(changed), same \(same))")
    }

    static func newlyConnected(_ names: String) -> Text {
        Text(ja: "つながりを持つようになった機関: \(names)", en: "agencies no longer isolated: \(names)")
    }

    static let gotBetterHeading = Text(ja: "■ よくなったこと", en: "■ What got better")
    static let noLongerSeenHeading = Text(ja: "■ 前年度にあって今年度は見えない点", en: "■ Points of last year not seen this year")

    static func incompleteComparison(_ why: YearComparison.Incompleteness) -> Text {
        Text(
            ja: "注意: 今年度は" + (why.fewerAnswers ? "アンケートの回答" : "") + (why.fewerAnswers && why.fewerCases ? "と" : "")
                + (why.fewerCases ? "事例の記録" : "") + "が前年度よりかなり少なく、まだ集めている途中のようです。見えなくなった点は、よくなったとは限りません。",
            en: "Note: this year has far fewer " + (why.fewerAnswers ? "survey answers" : "")
                + (why.fewerAnswers && why.fewerCases ? " and " : "") + (why.fewerCases ? "case records" : "")
                + " than last year, as if still being collected; points no longer seen have not necessarily improved.")
    }
    static let newFindingsHeading = Text(ja: "■ 新たに気づいた点", en: "■ New findings")
    static let fieldPairColumns: [Text] = [
        Text(ja: "分野", en: "fields"), Text(ja: "新しい", en: "new"), Text(ja: "なくなった", en: "lost"),
        Text(ja: "続いている", en: "kept"),
    ]
    static let byFieldPairHeading = Text(ja: "■ 分野の組ごとのつながりの増減", en: "■ Ties gained and lost by pair of fields")
    static let yearColumn = Text(ja: "年度", en: "year")
    static let trendsHeading = Text(ja: "■ 推移", en: "■ Trends")

    // MARK: template, collect

    static func fixErrorsBeforeForms(_ counts: String) -> Text {
        Text(ja: "エラーを直してから様式を作ってください (\(counts))", en: "fix the errors before writing forms (\(counts))")
    }

    static func giveLaterYear(latest: FiscalYear) -> Text {
        Text(ja: "新しい年度を指定してください (最新は\(latest.japanese))", en: "give a year after the latest one on file (\(latest))")
    }

    static func yearFolderExists(_ year: FiscalYear, folder: String) -> Text {
        Text(
            ja: "\(year.japanese)のフォルダ \(folder) はもうあります。上書きはしません",
            en: "\(year) already has the folder \(folder); nothing was overwritten")
    }

    static func folderExists(_ folder: String) -> OutputError {
        OutputError(
            message: Text(
                ja: "\(folder) はもうあります。上書きはしません",
                en: "\(folder) already exists; nothing was overwritten"),
            hint: Text(
                ja: "中身を確かめ、不要なら削除してからもう一度実行してください",
                en: "look at what it holds; remove it if it is not needed, and run again"))
    }

    static func wroteTemplate(folder: String, from latest: FiscalYear, forms: Int, in formsFolder: String) -> Text {
        Text(
            ja: "\(folder)/agencies.csv (\(latest.japanese)から引き継ぎ) と回答様式 \(forms)件を \(formsFolder) に書きました",
            en: "wrote \(folder)/agencies.csv (copied from \(latest)) and \(forms) forms in \(formsFolder)")
    }

    static func noYearFolder(_ year: FiscalYear, in directory: String) -> Text {
        Text(
            ja: "\(directory) に\(year.japanese)のフォルダがありません。先に --agency なしで template を実行してください",
            en: "\(directory) has no folder for \(year); run template without --agency first")
    }

    static func agencyNotInYear(_ agency: String, folder: String) -> Text {
        Text(
            ja: "「\(agency)」は \(folder)/agencies.csv にありません。先に agencies.csv に1行足してください",
            en: "'\(agency)' is not in \(folder)/agencies.csv; add its row there first")
    }

    static func formExists(_ path: String) -> Text {
        Text(
            ja: "\(path) はもうあります。書き直すときは、そのファイルを消してからもう一度実行してください",
            en: "\(path) already exists; remove it to write it again")
    }

    static func wroteLateForm(_ path: String) -> Text {
        Text(
            ja: "\(path) を書きました。先に送った様式にはこの機関の行がありません。ほかの機関との連携は、この機関の回答から読み取れます",
            en: "wrote \(path). The forms sent earlier have no row for this agency; its ties show in its own answers")
    }

    static func notAYearFolder(_ name: String) -> Text {
        Text(
            ja: "「\(name)」は年度のフォルダではありません (2026、R8、令和8年度 のような名前です)",
            en: "'\(name)' is not a fiscal-year folder (2026, R8 or 令和8年度)")
    }

    static func surveyExists(_ path: String) -> Text {
        Text(ja: "\(path) はもうあります。置き換えるときは --force を付けてください", en: "\(path) already exists; add --force to replace it")
    }

    static func noForms(in folder: String) -> Text {
        Text(ja: "\(folder) に回答様式 (.csv、.xlsx、.txt) がありません", en: "no forms (.csv, .xlsx or .txt files) in \(folder)")
    }

    static func notAForm(_ path: String) -> Text {
        Text(
            ja: "警告: \(path) は回答様式として読めない種類のファイルなので読みません (.csv、.xlsx、.txt を読みます)",
            en: "warning: \(path) is not read: forms are .csv, .xlsx or .txt files")
    }

    static let trackerColumns = [
        Text(ja: "機関ID", en: "id"), Text(ja: "機関", en: "agency"), Text(ja: "状況", en: "status"),
        Text(ja: "様式", en: "forms"),
    ]

    static func formStatus(_ status: FormStatus.Status) -> Text {
        switch status {
        case .answered: Text(ja: "回答あり", en: "answered")
        case .noPartners: Text(ja: "回答あり (連携先なし)", en: "answered, no partners")
        case .notReturned: Text(ja: "未提出", en: "not returned")
        case .hasErrors: Text(ja: "エラーあり", en: "has errors")
        }
    }

    static func remindersHeading(_ year: FiscalYear, _ waiting: Int, of total: Int) -> Text {
        Text(
            ja: "\(year.japanese) 回答様式のお願い先 (\(total)機関のうち\(waiting)機関: 未提出またはエラーあり)",
            en: "Survey \(year): agencies to ask again (\(waiting) of \(total): not returned or with errors)")
    }

    static func wroteProfiles(_ n: Int) -> Text {
        Text(
            ja: "様式のプロフィールから、\(n)機関の支援内容・相談件数・強み・求める連携を agencies.csv に書きました",
            en:
                "wrote the profiles of \(n) agencies (services, consultations, strengths, needs) from the forms into agencies.csv"
        )
    }

    static func profilesNotWritten(_ ids: [String]) -> Text {
        Text(
            ja: "警告: 機関一覧が agencies.csv ではないので、様式のプロフィール (\(ids.joined(separator: "、"))) は書いていません。手で写してください",
            en:
                "warning: the agencies are not in agencies.csv, so the forms' profiles (\(ids.joined(separator: ", "))) were not written; copy them by hand"
        )
    }

    static func formsLeftOut(_ names: [String]) -> Text {
        Text(
            ja: "問題があるため入れなかった様式 \(names.count)件 (直してからもう一度 collect --force を実行してください): "
                + names.joined(separator: "、"),
            en: "\(names.count) form(s) left out for their errors (fix them and run collect --force again): "
                + names.joined(separator: ", "))
    }

    static func wroteSurvey(_ path: String, forms: Int) -> Text {
        Text(ja: "回答様式 \(forms)件から \(path) を書きました", en: "wrote \(path) from \(forms) forms")
    }
}

/// A usage error in the user's language (the argument parser prints it with the usage line).
func usageError(_ text: Text, _ language: Language) -> ValidationError {
    ValidationError(text(language))
}
