import TsunagariKit

/// Every sentence of the meeting report, by section, in both languages. The report's logic picks
/// which to say and fills in the data; a wording change or a third language touches only this file.
extension Text {
    // MARK: lists

    static let listSeparator = Text(ja: "、", en: ", ")

    static func andMoreAgencies(_ n: Int) -> Text { Text(ja: "、ほか\(n)機関", en: ", and \(n) more") }
    static func moreAgencies(_ n: Int) -> Text { Text(ja: "ほか\(n)機関", en: "and \(n) more") }
    static func moreAgencyRows(_ n: Int) -> Text {
        Text(
            ja: "ほか\(n)機関 (すべては tsunagari analyze --format xlsx で一覧できます)",
            en: "and \(n) more (tsunagari analyze --format xlsx lists them all)")
    }
    static func moreNamingAgencies(_ n: Int) -> Text {
        Text(
            ja: "ほか\(n)機関 (すべては tsunagari gaps --format csv で一覧できます)",
            en: "and \(n) more agencies (tsunagari gaps --format csv lists them all)")
    }
    static func moreItems(_ n: Int) -> Text { Text(ja: "ほか\(n)件", en: "and \(n) more") }

    static func moreFindings(_ n: Int) -> Text {
        Text(
            ja: "ほか\(n)件 (すべては tsunagari gaps --format csv で一覧できます)",
            en: "and \(n) more (tsunagari gaps --format csv lists them all)")
    }

    static func moreTies(_ n: Int) -> Text {
        Text(
            ja: "ほか\(n)本 (tsunagari compare --format csv で一覧できます)",
            en: "and \(n) more (tsunagari compare --format csv lists them all)")
    }

    static func moreWarnings(_ n: Int) -> Text {
        Text(ja: "ほか\(n)件 (tsunagari check で一覧できます)", en: "and \(n) more (tsunagari check lists them all)")
    }

    static let noneListed = Text(ja: "なし", en: "none")

    // MARK: page

    static func reportTitle(area: String, year: String) -> Text {
        Text(ja: "\(area) \(year) ひきこもり支援ネットワーク 報告", en: "\(area) \(year) hikikomori support network report")
    }

    static let reportSubtitle = Text(
        ja: "作成: Tsunagari。数値は順位ではなく、「だれがだれをつないでいるか」「何が足りないか」を示すものです。",
        en: "Made with Tsunagari. The numbers are not a ranking: they show who connects whom and what is missing.")

    static let internalBanner = Text(
        ja: "内部資料: 事例の正確な件数と備考を含みます。会議で配布しないでください。",
        en: "Internal: exact case counts and notes included. Not for distribution at meetings.")

    // MARK: 1. summary

    static let summaryTitle = Text(ja: "要約", en: "Summary")
    static let keyFindingsTitle = Text(ja: "特に見ていただきたい点", en: "The main findings")

    static func networkSize(area: String, year: String, agencies: Int, ties: Int, confirmed: Int) -> Text {
        Text(
            ja: "\(area)の\(year)の支援ネットワークには\(agencies)の機関が参加し、\(ties)本のつながりがあります。"
                + "そのうち\(confirmed)本は、お互いに相手を連携先に挙げたつながりです。",
            en: "In \(year), \(englishCount(agencies, "agency", "agencies")) take part in \(area)'s support network, "
                + "with \(englishCount(ties, "tie", "ties")); in \(confirmed) of them both agencies named each other.")
    }

    static func sizeChange(since previous: String, agencies: (Int, Int), ties: (Int, Int), new: Int, lost: Int) -> Text
    {
        Text(
            ja: "\(previous)と比べて、機関は\(agencies.0)から\(agencies.1)に、つながりは\(ties.0)本から\(ties.1)本になりました "
                + "(新しいつながり\(new)本、なくなったつながり\(lost)本)。",
            en: "Since \(previous), agencies went from \(agencies.0) to \(agencies.1) and ties from \(ties.0) "
                + "to \(ties.1) (\(new) new, \(lost) lost).")
    }

    static func isolates(_ count: Int, names: String) -> Text {
        Text(
            ja: "\(count)の機関 (\(names)) はどの機関ともつながっていません。",
            en: count == 1 ? "1 agency (\(names)) has no ties." : "\(count) agencies (\(names)) have no ties.")
    }

    static func otherIsolates(_ count: Int, names: String) -> Text {
        Text(
            ja: "ほかに\(count)の機関 (\(names)) もどの機関ともつながっていません。",
            en: count == 1
                ? "One more agency (\(names)) has no ties." : "\(count) more agencies (\(names)) have no ties.")
    }

    // MARK: areas

    static let areasTitle = Text(ja: "市区町村ごとの比較", en: "The municipalities side by side")
    static func areasIntro(_ n: Int) -> Text {
        Text(
            ja: "管内の\(n)市区町村それぞれのネットワーク (その市区町村の機関と、つながっている広域の機関) を並べました。広域の機関は、市区町村を限らず管内全体を支援する機関です。",
            en: "The networks of the area's \(n) municipalities (each one's agencies and the area-wide agencies tied "
                + "to them), side by side. Area-wide agencies serve the whole area.")
    }
    static let areaMapCaption = Text(
        ja: "市区町村ごとの機関 (色は分野) と、中央の広域の機関。線の数字は、市区町村をまたぐつながりの数です。",
        en: "Each municipality's agencies (colour: field), the area-wide agencies in the middle; the numbers count "
            + "the ties across municipalities.")
    static func areaOwnMapCaption(_ area: String) -> Text {
        Text(
            ja: "\(area)の機関と、つながっている広域の機関 (「(広域)」と表示)。",
            en: "\(area)'s agencies and the area-wide agencies tied to them (marked \"(area-wide)\").")
    }
    static func areaSentence(_ area: String, agencies: Int, ties: Int, reliedOn: [String], across: Int) -> Text {
        let wide = reliedOn.map { "「\($0)」" }.joined()
        let ja =
            "\(area)には\(agencies)機関があり、つながりは\(ties)本です。"
            + (reliedOn.isEmpty
                ? "広域の機関とのつながりはありません。"
                : reliedOn.count == 1
                    ? "広域の機関では、\(wide)とだけつながっています。"
                    : "広域の機関では、\(reliedOn.count)か所 (\(wide)) とつながっています。")
            + (across == 0 ? "ほかの市区町村の機関とのつながりはありません。" : "ほかの市区町村の機関とのつながりは\(across)本です。")
        let en =
            "\(area) has \(englishCount(agencies, "agency", "agencies")) and \(englishCount(ties, "tie", "ties")). "
            + (reliedOn.isEmpty
                ? "It has no tie to an area-wide agency. "
                : reliedOn.count == 1
                    ? "Its only area-wide partner is \(reliedOn[0]). "
                    : "It is tied to \(reliedOn.count) area-wide agencies (\(reliedOn.joined(separator: ", "))). ")
            + (across == 0
                ? "It has no tie to another municipality's agencies."
                : "It has \(englishCount(across, "tie", "ties")) to other municipalities' agencies.")
        return Text(ja: ja, en: en)
    }
    static let noAreaFindings = Text(ja: "特に見ていただきたい点はありません。", en: "Nothing stands out.")
    static let crossAreaTitle = Text(ja: "市区町村をまたぐつながり", en: "Ties across municipalities")
    static let noCrossAreaTies = Text(
        ja: "市区町村をまたぐつながりはありません (広域の機関を通してだけつながっています)。",
        en: "No tie crosses municipalities (they meet only through area-wide agencies).")
    static let areaPairColumn = Text(ja: "市区町村", en: "municipalities")
    static let tieCountColumn = Text(ja: "つながりの数", en: "ties")
    static let tiesColumn = Text(ja: "つながり", en: "the ties")
    static func andMoreTies(_ n: Int) -> Text { Text(ja: "、ほか\(n)本", en: ", and \(n) more") }

    // MARK: handout

    static let handoutSubtitle = Text(
        ja: "配布用の1枚 (詳しくは報告書をご覧ください)", en: "The one-page handout (the report has the details)")
    static let handoutAgencies = Text(ja: "機関", en: "Agencies")
    static let handoutTies = Text(ja: "つながり", en: "Ties")
    static func handoutTieCount(_ ties: Int, confirmed: Int) -> Text {
        Text(ja: "\(ties)本 (うちお互いに挙げた\(confirmed)本)", en: "\(ties) (\(confirmed) named by both)")
    }
    static let handoutIsolated = Text(ja: "つながりのない機関", en: "Agencies without ties")
    static let handoutRespondents = Text(ja: "アンケートに回答した機関", en: "Agencies that answered")
    static func handoutRespondentCount(_ n: Int, of total: Int) -> Text {
        Text(ja: "\(n) / \(total)", en: "\(n) of \(total)")
    }
    static func handoutChange(_ previous: String) -> Text { Text(ja: "\(previous)から", en: "Since \(previous)") }
    static func handoutChangeCount(new: Int, lost: Int) -> Text {
        Text(ja: "新しいつながり\(new)本、なくなったつながり\(lost)本", en: "\(new) new ties, \(lost) lost")
    }

    // MARK: 2. maps

    static let mapsTitle = Text(ja: "ネットワークの地図", en: "The network map")

    static let fieldMapCaption = Text(
        ja: "分野どうしのつながり。線の太さと数字は分野の間のつながりの数です。同じ数は「気づいた点と提案」の分野どうしの表にもあります。",
        en: "Ties between fields: line width and number give the count. The same counts are in the table of fields "
            + "in Gaps and suggestions.")
    static let trendTable = Text(ja: "グラフの数値", en: "The charts' numbers")
    static let trendColumn = Text(ja: "項目", en: "measure")

    static func coreOnly(agencies: Int, ties: Int) -> Text {
        Text(
            ja: "機関が\(agencies)、つながりが\(ties)本あり、全体の図では線が重なって読み取れないため、分野どうしのつながりの図と、ネットワークの中核の図を示します。"
                + "個々の機関のまわりは tsunagari map --variant ego --focus ID で描けます。",
            en: "With \(agencies) agencies and \(ties) ties a map of the whole network would be an unreadable tangle, "
                + "so the report shows the ties between fields and the core of the network. "
                + "Draw the surroundings of one agency with tsunagari map --variant ego --focus ID.")
    }

    static let coreMapCaption = Text(
        ja: "ネットワークの中核: どの機関も互いに多くつながっている機関の集まり (k-コア)。色は分野、形は官民です。",
        en: "The core of the network: agencies that are all tied to many of each other (a k-core). "
            + "Colour shows the field, shape public or private.")

    static let networkMapCaption = Text(
        ja: "色は分野、形は官民 (四角: 公、六角形: 公設民営・委託、楕円: 民間、ひし形: 任意団体)、大きさはつながりの数。太い線はお互いによく知っている関係、点線の矢印は一方だけが挙げたつながりです。",
        en: "Colour shows the field, shape public or private (square: public, hexagon: contracted, oval: private, "
            + "diamond: voluntary), size the number of ties. Thick lines: people know each other well; "
            + "dotted arrows: only one side named the tie.")

    static let mapTextAlternative = Text(
        ja: "地図の内容は、各機関のつながりの一覧 (機関を選ぶと表示、近い順に40本まで) と「機関ごとの表」で文字でも確かめられます。",
        en: " The map's content is in text in each agency's list of ties (shown when it is selected, the 40 "
            + "closest) and in the agency table.")
    static func earlierMapCaption(_ year: String) -> Text {
        Text(ja: "\(year)の地図 (機関の位置は今年度の地図と同じです)。", en: "The map of \(year), with every agency where it is this year.")
    }

    // MARK: 2. the interactive map

    static let explorerIntro = Text(
        ja: "機関をクリックするか、Tab キーで選んで Enter を押すと、その機関と連携先が強調され、つながりの一覧が右に出ます。Esc キーで元に戻ります。",
        en: "Click an agency, or reach it with Tab and press Enter, to highlight it and its partners and show its "
            + "ties beside the map; Esc clears.")
    static let searchLabel = Text(ja: "機関を探す", en: "Find an agency")
    static let searchNotFound = Text(ja: "見つかりません", en: "not found")
    static let fieldFilter = Text(ja: "分野で絞り込む", en: "Show fields")
    static let kindFilter = Text(ja: "連携内容で絞り込む", en: "Show kinds of tie")
    static let ageFilter = Text(ja: "対象年代", en: "Age band")
    static let allAges = Text(ja: "すべての年代", en: "all ages")
    static let yearSwitch = Text(ja: "年度", en: "Year")
    static let changeView = Text(ja: "変化", en: "change")
    static let resetView = Text(ja: "すべて表示に戻す", en: "Show everything")
    static let presenterMode = Text(ja: "発表モード", en: "Presenter mode")
    static let previousStep = Text(ja: "前へ", en: "Previous")
    static let nextStep = Text(ja: "次へ", en: "Next")
    static let stopPresenting = Text(ja: "発表モードを終わる", en: "End presenter mode")
    static let presenterHint = Text(
        ja: "← → キーで特に見ていただきたい点を順に示します。Esc キーで終わります。",
        en: "The arrow keys step through the main findings; Esc ends.")
    static let filterBanner = Text(ja: "絞り込み中: ", en: "Filtered: ")
    static let agencyPanel = Text(ja: "選んだ機関", en: "The selected agency")
    static let agencyPanelHint = Text(
        ja: "地図の機関を選ぶと、ここにその機関のつながりが表示されます。", en: "Select an agency on the map to see its ties here.")
    static let notThisYear = Text(ja: "この機関は今年度の地図にありません。", en: "This agency is not on this year's map.")
    static let frequencyColumn = Text(ja: "頻度", en: "how often")
    static let familiarityColumn = Text(ja: "顔の見える関係", en: "how well they know each other")
    static let namedByThis = Text(ja: "この機関だけが挙げた", en: "named by this agency only")
    static let namedByOther = Text(ja: "相手だけが挙げた", en: "named by the partner only")
    static func cardFindings(_ n: Int) -> Text {
        Text(ja: "この機関についての気づき (\(n)件)", en: "Findings that name it (\(n))")
    }

    /// 顔の見える関係 in words (docs/DOMAIN.md: 0 not known; 1 know the name and face; 2 know how
    /// they think; 3 can work together with trust).
    static func familiarity(_ level: Int) -> Text {
        switch level {
        case 0: Text(ja: "0: 知らない", en: "0: not known")
        case 1: Text(ja: "1: 名前と顔を知っている", en: "1: know the name and face")
        case 2: Text(ja: "2: 考え方がわかる", en: "2: know how they think")
        default: Text(ja: "3: 信頼して一緒に動ける", en: "3: work together with trust")
        }
    }

    // MARK: 3. gaps

    static let gapsTitle = Text(ja: "気づいた点と提案", en: "Gaps and suggestions")
    static let important = Text(ja: "重要", en: "Important")
    static let worthAttention = Text(ja: "注意", en: "Worth attention")
    static let suggestedConnections = Text(ja: "つながりの提案", en: "Suggested connections")
    static let forReference = Text(ja: "参考", en: "For reference")
    static let fieldGridTitle = Text(ja: "分野どうしのつながり", en: "Ties between fields")
    static let fieldGridCaption = Text(
        ja: "分野の組ごとのつながりの数 (かっこ内は分野の大きさと全体の密度から見込まれる数)",
        en: "Ties between each pair of fields (in brackets, what their sizes and the density would lead one to expect)")
    static let fieldGridLegend = Text(
        ja: "◎ ひきこもり支援で人が行き来する主な経路、○ 一般の経路、・ ふだん直接の連携は見込まれない組み合わせ。"
            + "濃い色は主な経路につながりがないところ、薄い色は一般の経路につながりがないか、主な経路で見込みよりずっと少ないところです。",
        en:
            "◎ a main pathway of hikikomori support, ○ a common one, · a pair where a direct tie is not usually expected. "
            + "Dark: no tie on a main pathway; light: no tie on a common one, or far fewer than expected on a main one."
    )

    static func gridWithin(_ ties: Int) -> Text { Text(ja: "分野内 \(ties)本", en: "\(ties) within") }

    static func gridCell(_ ties: Int, expected: Double, _ pathway: PathwayImportance) -> Text {
        let mark =
            switch pathway {
            case .core: "◎"
            case .common: "○"
            case .notExpected: "・"
            }
        let about = String(format: "%.0f", expected)
        return Text(ja: "\(mark) \(ties)本 (\(about))", en: "\(mark) \(ties) (\(about))")
    }

    // MARK: 4. fragility

    static let resourcesTitle = Text(ja: "支援の資源", en: "Services for each age")
    static let resourcesIntro = Text(
        ja: "機関が書いた支援内容から、支援と年代ごとに行っている機関をまとめました (社会資源マップ)。"
            + "色の付いた欄は、あるはずなのにない支援 (濃い色) と、1機関だけが行っている支援 (薄い色) です。",
        en: "From the services each agency states: who offers what for which ages (the resource map). Coloured cells "
            + "are services missing where they are expected (dark) and those one agency alone offers (light).")
    static let resourcesCaption = Text(ja: "支援と年代ごとの機関", en: "Agencies by service and age")
    /// "—" explained, and where each service is expected, from `Service.expectedBands`.
    static var resourcesLegend: Text {
        let every = Service.allCases.filter { $0.expectedBands == AgeBand.allCases }
        let some = Service.allCases.filter { $0.expectedBands != AgeBand.allCases }
        return Text(
            ja: "— はその年代に行っている機関がないこと。あるはずの年代: "
                + (every.map(\.ja).joined(separator: "・") + " はすべての年代、")
                + some.map { "\($0.ja) は\($0.expectedBands.map(\.agesJa).joined(separator: "・"))" }
                .joined(separator: "、"),
            en: "— means no agency offers it for that age. Expected: "
                + every.map(\.en).joined(separator: ", ") + " for every age; "
                + some.map { "\($0.en) for \($0.expectedBands.map(\.agesEn).joined(separator: ", "))" }
                .joined(separator: "; "))
    }

    static func moreAgenciesShort(_ n: Int) -> Text { Text(ja: "ほか\(n)", en: "+\(n)") }
    static let needsTitle = Text(ja: "お互いに求めていること", en: "What agencies look for from each other")
    static let noNeedsMet = Text(
        ja: "求める連携に応えられる機関は、どれもすでにつながっています (または、求める連携を書いた機関がありません)。",
        en: "Every agency that meets a stated need is tied to the agency already (or no agency states a need).")
    static let strengthsTitle = Text(ja: "ほかの機関に提供できること (強み)", en: "What agencies offer others (strengths)")
    static let consultationsColumn = Text(ja: "相談件数", en: "consultations")
    static let cardServices = Text(ja: "支援内容: ", en: "Services: ")
    static let cardNeeds = Text(ja: "求める連携: ", en: "Looks for: ")
    static func cardConsultations(_ count: Text) -> Text {
        Text(ja: "前年度の相談 \(count.ja)", en: "consultations last year: \(count.en)")
    }
    static let fragilityTitle = Text(ja: "ネットワークを支えているところ", en: "What holds the network together")

    static let fragilityIntro = Text(
        ja: "ほかの機関どうしの間に立ってつないでいる機関と、抜けるとネットワークが分かれてしまう点です。負担が集中していないか、担当が替わっても続く仕組みがあるかを話し合う材料にしてください。",
        en: "Agencies that stand between others, and the points where the network would split. "
            + "Use them to discuss whether the load is shared and whether ties would survive a change of staff.")

    /// The report's path measures are always unweighted, so betweenness comes from random shortest
    /// paths (`PathEstimate.betweennessPaths`); how many is for `analyze` and the exports.
    static func sampledPaths(bound: String, certain: Int?) -> Text {
        let leaders = certain.map {
            Text(
                ja: "上位10機関のうち\($0)機関は、この差を考えても上位10に入ります。",
                en: " \($0) of the ten highest are among the ten highest whatever the error.")
        }
        return Text(
            ja: "ほかの機関どうしをつなぐ割合 (媒介中心性) は、すべての組を数えず、無作為に選んだ最短の道から推定した値です。"
                + "本当の値との差は95%の確率で ±\(bound)ポイント以内です。" + (leaders?.ja ?? ""),
            en: "The share of ways between others (betweenness) is estimated from randomly chosen shortest paths "
                + "rather than counted over every pair; with 95 % probability it is within ±\(bound) percentage "
                + "points of the exact value." + (leaders?.en ?? ""))
    }
    static let brokersTitle = Text(ja: "ほかの機関どうしを多くつないでいる機関", en: "Agencies that connect others most often")

    static func broker(_ name: String, degree: Int, percent: String) -> Text {
        Text(
            ja: "「\(name)」: つながり\(degree)本。ほかの機関どうしを結ぶ最短の道の\(percent)%がここを通ります。",
            en: "\(name): \(degree) ties; \(percent)% of shortest ways between other agencies pass through it.")
    }

    static let cutPointsTitle = Text(ja: "抜けるとネットワークが分かれる機関", en: "Agencies the network splits without")

    static let noCutPoints = Text(
        ja: "ありません。どの機関が抜けても、ほかの機関どうしはつながったままです。",
        en: "None: whichever agency steps back, the others stay connected.")

    static func cutOff(_ name: String, names: String) -> Text {
        Text(ja: "「\(name)」が抜けると: \(names) が切り離されます。", en: "Without \(name): \(names) would be cut off.")
    }

    static let fragileTies = Text(ja: "途切れやすいつながり", en: "Fragile ties")

    // MARK: 5. change

    static let changeTitle = Text(ja: "前年度からの変化", en: "Change since last year")
    static let proposalsHeading = Text(ja: "事例検討で提案されたつながり", en: "Ties proposed by case reviews")
    static let noEarlierYear = Text(ja: "前年度のデータがないため、変化はまだ示せません。", en: "There is no earlier year to compare with yet.")

    static let changeMapCaption = Text(
        ja: "緑の線は新しいつながり、オレンジの破線はなくなったつながり、灰色は続いているつながり。機関の位置は毎年同じです。",
        en: "Green: new ties; dashed orange: lost ties; grey: kept ties. Agencies keep their places every year.")

    static let noChangeMap = Text(
        ja: "機関が多いため、変化の図は省き、表で示します。", en: "With this many agencies the change is shown in tables, without a map.")

    static func minorClosed(_ n: Int) -> Text {
        Text(ja: "ほか、参考程度の点が\(n)件解消しました。", en: "and \(n) minor points no longer apply.")
    }

    static let gotBetter = Text(ja: "よくなったこと", en: "What got better")
    static let noLongerSeen = Text(ja: "前年度にあって今年度は見えない点", en: "Points of last year not seen this year")

    /// The later year has clearly fewer answers or case records: what is no longer seen is not an improvement.
    static func incompleteYear(_ why: YearComparison.Incompleteness) -> Text {
        let what = Text(
            ja: why.fewerAnswers && why.fewerCases ? "アンケートの回答も事例の記録も" : why.fewerAnswers ? "アンケートの回答が" : "事例の記録が",
            en: why.fewerAnswers && why.fewerCases
                ? "survey answers and case records" : why.fewerAnswers ? "survey answers" : "case records")
        return Text(
            ja: "今年度は\(what.ja)前年度よりかなり少なく、まだ集めている途中のようです。前年度にあった点が見えなくなっていても、よくなったとは限りません。",
            en: "This year has far fewer \(what.en) than last year, as if still being collected: a point of last year "
                + "that is no longer seen has not necessarily improved.")
    }
    static let agency = Text(ja: "機関", en: "agency")
    static let newTies = Text(ja: "新しいつながり", en: "New ties")
    static let lostTies = Text(ja: "なくなったつながり", en: "Lost ties")

    // MARK: 6. agency table

    static let agenciesTitle = Text(ja: "機関ごとの表", en: "Agencies")
    static let agencyColumns: [Text] = [
        Text(ja: "ID", en: "ID"), Text(ja: "機関", en: "agency"), Text(ja: "分野", en: "field"),
        Text(ja: "つながり", en: "ties"), Text(ja: "挙げた", en: "named"), Text(ja: "挙げられた", en: "named by"),
        Text(ja: "媒介", en: "betweenness"), Text(ja: "近接", en: "closeness"), Text(ja: "コア", en: "core"),
        Text(ja: "制約", en: "constraint"), Text(ja: "抜けると分断", en: "network splits without it"),
    ]
    static let agenciesIntro = Text(
        ja: "だれがだれをつないでいるかの一覧です。順位ではありません。見出しを押すと並べ替えられます。",
        en: "Who connects whom. This is not a ranking; click a heading to sort.")

    // MARK: 7. data quality

    static let qualityTitle = Text(ja: "データについて", en: "About the data")

    static func respondents(_ n: Int, of total: Int) -> Text {
        Text(ja: "アンケートに回答した機関: \(n) / \(total)。", en: "Agencies that answered: \(n) of \(total).")
    }

    static let silentAgencies = Text(ja: "回答のなかった機関: ", en: "Agencies that did not answer: ")

    static func oneSidedCount(_ n: Int) -> Text {
        Text(ja: "一方だけが挙げたつながり (相手は回答済み): \(n)本", en: "Ties only one side named (the other side answered): \(n)")
    }

    static let matchedByName = Text(
        ja: "IDが変わり名前で前年度と対応づけた機関: ",
        en: "Agencies matched to last year by name (new ID): ")

    static func readingWarnings(_ n: Int) -> Text {
        Text(ja: "読み込み時の警告: \(n)件", en: "Warnings while reading the data: \(n)")
    }

    /// `shown` is a count under the case-count rule.
    static func caseWarnings(_ shown: Text) -> Text {
        Text(ja: " (ほかに事例の記録について\(shown.ja))", en: " (and \(shown.en) on the case records)")
    }

    static let oneSidedList = Text(ja: "一方だけが挙げたつながりの一覧", en: "Ties only one side named")
    static let namingAgency = Text(ja: "挙げた機関", en: "named by")
    static let notNamedBack = Text(ja: "挙げたが、挙げ返されなかった相手", en: "partners that did not name it back")
    static func isolatedList(_ n: Int) -> Text {
        Text(ja: "つながりのない機関の一覧 (\(n)機関、分野ごと)", en: "Agencies without ties (\(n), by field)")
    }
    static let fieldColumn = Text(ja: "分野", en: "field")
    static func fieldGroup(_ field: String, _ n: Int) -> Text {
        Text(ja: "\(field) (\(n)機関)", en: "\(field) (\(englishCount(n, "agency", "agencies")))")
    }

    // MARK: 8. method

    static let methodTitle = Text(ja: "方法について", en: "Method")
    static let reproducible = Text(
        ja: "この報告書は Tsunagari が各機関の回答から作りました。同じデータからは何度作っても同じ内容になります。",
        en: "Tsunagari made this report from the agencies' answers; the same data always gives the same report.")

    /// The method section's terms and their explanations.
    static func methodNotes(exactCounts: Bool) -> [(term: Text, text: Text)] {
        [
            (
                Text(ja: "つながり", en: "Ties"),
                Text(
                    ja: "アンケートで一方でも相手を連携先に挙げた組を「つながり」とし、お互いに挙げたものを「相互に確認されたつながり」とします。",
                    en: "A pair is tied when either agency named the other in the survey; when both did, the tie is "
                        + "confirmed.")
            ),
            (
                Text(ja: "媒介中心性", en: "Betweenness"),
                Text(
                    ja: "ほかの機関どうしを結ぶ最短の道のうち、その機関を通るものの割合です。"
                        + "高い機関は橋渡し役ですが、負担が集中しているおそれもあります (Freeman 1977; Brandes 2001)。",
                    en: "The share of shortest ways between other agencies that pass through the agency. "
                        + "High values mark go-betweens, and possibly overload (Freeman 1977; Brandes 2001).")
            ),
            (
                Text(ja: "近接中心性", en: "Closeness"),
                Text(
                    ja: "ほかの機関にどれだけ少ない段階で届くかを表します。つながっていない機関がある場合の補正をしています (Wasserman & Faust 1994)。",
                    en: "How few steps it takes to reach the other agencies, corrected for agencies that cannot be "
                        + "reached (Wasserman & Faust 1994).")
            ),
            (
                Text(ja: "コア数", en: "Core number"),
                Text(
                    ja: "互いに何本もつながり合った中心的なまとまりのどの深さにいるかを表します (Seidman 1983)。",
                    en: "How deep in the closely knit centre of the network the agency sits (Seidman 1983).")
            ),
            (
                Text(ja: "制約", en: "Constraint"),
                Text(
                    ja: "つながっている相手どうしも互いにつながっているほど高くなります。低い機関は、互いに知らない相手どうしを橋渡ししています (Burt 1992)。",
                    en: "High when an agency's partners are tied to each other; low for agencies that bridge partners "
                        + "who do not know each other (Burt 1992).")
            ),
            (
                Text(ja: "抜けると分断される機関", en: "Cut points"),
                Text(
                    ja: "その機関がいなくなると、ネットワークがいくつかに分かれてしまう機関です (Hopcroft & Tarjan 1973)。",
                    en: "Agencies without which the network falls apart into pieces (Hopcroft & Tarjan 1973).")
            ),
            (
                Text(ja: "分野のはざま", en: "Gaps between fields"),
                Text(
                    ja: "分野の組ごとに実際のつながりの数を、分野の大きさとネットワーク全体の密度から見込まれる数と比べます。",
                    en: "For each pair of fields, the ties observed are compared with what the fields' sizes and the "
                        + "network's density would lead one to expect.")
            ),
            (
                Text(ja: "つながりの提案", en: "Suggested connections"),
                Text(
                    ja: "共通の連携先が多い組を、共通の連携先の数とその連携先のつながりの少なさで点数にし (Adamic & Adar 2003)、分野や年齢の切れ目をまたぐ組を優先します。",
                    en: "Pairs without a tie are scored by their shared partners, a shared partner with few ties "
                        + "counting more (Adamic & Adar 2003); pairs across fields or age boundaries come first.")
            ),
            (
                Text(ja: "見やすさと使いやすさ", en: "Accessibility"),
                Text(
                    ja: "この報告書は JIS X 8341-3:2016 の適合レベル AA (WCAG 2.0 の AA) を目標にしています。"
                        + "地図はキーボードだけでも操作でき、その内容は各機関のつながりの一覧と機関ごとの表で文字でも読めます。"
                        + "分野は色だけでなく凡例の名前で、官民は形で、つながりの種類は線の太さと点線で示しています。"
                        + "Tsunagari の試験では、この形式の報告書を Chromium で開き、axe-core 4.12 (WCAG 2.0・2.1 の A と AA の規則) とキーボード操作で検査しています。",
                    en: "This report aims at JIS X 8341-3:2016 level AA (WCAG 2.0 AA). The map can be used with the "
                        + "keyboard alone, and its content can be read as text in each agency's list of ties and in "
                        + "the agency table. Fields are named in the legend as well as coloured, public or private "
                        + "is shown by shape, and kinds of tie by line width and dots. Tsunagari's tests open reports of "
                        + "this form in Chromium and check them with axe-core 4.12 (the WCAG 2.0 and 2.1 A and AA rules) "
                        + "and by keyboard.")
            ),
            (
                Text(ja: "事例の件数", en: "Case counts"),
                exactCounts
                    ? Text(ja: "内部資料のため、事例の件数は正確な数で示しています。", en: "This internal copy shows exact case counts.")
                    : Text(
                        ja: "個人が特定されないよう、1〜2件の件数は「3件未満」と表示し、それを含む合計は「N件以上」と内訳から分かる下限だけを示します。"
                            + "地図の線も、3件未満はすべて同じ細い線です。事例IDや備考は載せていません。",
                        en: "So that no person can be identified, counts of 1 or 2 are shown as \"fewer than 3\", a "
                            + "total that "
                            + "includes one only as the lower bound its parts give (\"at least N\"), and on the map "
                            + "every such count is drawn as the same thin line; no case IDs or notes appear.")
            ),
        ]
    }

    // MARK: cards

    static let kindNotGiven = Text(ja: "連携内容の記載なし", en: "kind not given")
    static let kindColumn = Text(ja: "連携内容", en: "kind")
    static let partnersColumn = Text(ja: "相手", en: "partners")
    static let newPartners = Text(ja: "前年度から新しくつながった機関: ", en: "New partners since last year: ")
    static let lostPartners = Text(ja: "つながりがなくなった機関: ", en: "Partners no longer named: ")
    static let internalNotes = Text(ja: "備考 (内部資料): ", en: "Notes (internal): ")

    // MARK: files

    static func noCards(_ agencies: Int) -> Text {
        Text(
            ja: "機関が\(agencies)あるため、機関ごとのページ (--cards) は作りません。tsunagari map --variant ego --focus ID で1機関ずつ描けます",
            en: "with \(agencies) agencies the report has no per-agency pages (--cards); draw one agency with "
                + "tsunagari map --variant ego --focus ID")
    }
}
