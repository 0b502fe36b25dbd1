/// Answers that are valid but unlikely, most often a form misunderstood (docs/FORMATS.md §6): an
/// agency that names far more partners than it did the year before, or than any other agency of
/// its field, and one that gave the same answer in (almost) every row. Each is a warning at the
/// agency's first answer, with its name, so that a planner asks before the map and the findings
/// change.
///
/// "Far more" is at least twice as many and at least 10 more; "almost every row" is at least 90 %
/// of at least 10 rows with the same kinds, frequency, familiarity, person-dependence and trust
/// (rows that give none of them, a plain list of partners, are not counted).
/// Warnings about the year as a whole are placed at `yearFile` (default: the file of its first answer).
func plausibilityWarnings(
    _ year: YearData, previous: YearData?, yearFile: String? = nil, into warnings: inout Diagnostics
) {
    // Reports and agencies are read by index, field by field: a copy of each would retain its strings.
    let (agencies, reports) = (year.agencies, year.reports)
    let n = agencies.count
    var named = [Int](repeating: 0, count: n)
    var first = [Int](repeating: -1, count: n)  // the reporter's first report
    for i in reports.indices {
        let a = reports[i].reporter
        named[a] += 1
        if first[a] < 0 { first[a] = i }
    }
    var before: [String: Int] = [:]
    if let previous {
        for r in previous.reports { before[previous.agencies[r.reporter].id, default: 0] += 1 }
    }
    func farMore(_ n: Int, than m: Int) -> Bool { n >= 2 * m && n >= m + 10 }
    // The most frequent answer of each reporter (rows that give nothing, answer 0, left out): the
    // answers grouped by reporter (a counting sort), each reporter's sorted and counted in runs.
    var start = [Int](repeating: 0, count: n + 1)
    for a in 0..<n { start[a + 1] = start[a] + named[a] }
    var answers = [UInt32](repeating: 0, count: reports.count)
    var next = start
    for i in reports.indices {
        let a = reports[i].reporter
        answers[next[a]] = answerCode(reports[i])
        next[a] += 1
    }
    var commonest = [Int](repeating: 0, count: n)
    for a in 0..<n where start[a + 1] - start[a] >= 10 {
        answers[start[a]..<start[a + 1]].sort()
        var run = 0
        for k in start[a]..<start[a + 1] where answers[k] != 0 {
            run = k > start[a] && answers[k - 1] == answers[k] ? run + 1 : 1
            commonest[a] = max(commonest[a], run)
        }
    }
    // For each field: the agencies that answered, the one naming most, and the most named by another.
    var byField = [(answered: Int, best: Int, second: Int)](repeating: (0, 0, 0), count: Field.allCases.count)
    for i in 0..<n where named[i] > 0 {
        let field = agencies[i].field.rawValue
        var f = byField[field]
        if f.answered == 0 || named[i] > named[f.best] {
            if f.answered > 0 { f.second = named[f.best] }
            f.best = i
        } else {
            f.second = max(f.second, named[i])
        }
        f.answered += 1
        byField[field] = f
    }
    blankFrequencyWarning(year, at: yearFile, into: &warnings)
    for i in 0..<n where named[i] > 0 {
        guard first[i] >= 0 else { continue }
        if named[i] >= 10, 10 * commonest[i] >= 9 * named[i] {
            warnings.warning(
                reports[first[i]].location, .sameAnswerEverywhere(agencies[i], rows: named[i], same: commonest[i]))
        }
        if let previous, let was = before[agencies[i].id], farMore(named[i], than: was) {
            warnings.warning(
                reports[first[i]].location,
                .farMoreThanLastYear(agencies[i], now: named[i], before: was, year: previous.fiscalYear))
            continue
        }
        // The others of the field: how many answered, and the most any of them named.
        let field = byField[agencies[i].field.rawValue]
        let most = field.best == i ? field.second : named[field.best]
        if field.answered - 1 >= 2, farMore(named[i], than: most) {
            warnings.warning(reports[first[i]].location, .farMoreThanField(agencies[i], now: named[i], most: most))
        }
    }
}

/// A report's answer as a number, 0 when it gives none: kinds, frequency, familiarity (0–3),
/// person-dependence and trust (1–4), each blank as 0 and a value as itself plus one. Familiarity
/// and trust outside the ranges the loader reads are taken as the nearest of 0 and 14.
private func answerCode(_ r: borrowing SurveyReport) -> UInt32 {
    let frequency = r.frequency.map { UInt32($0.rawValue) + 1 } ?? 0
    let familiarity = r.familiarity.map { UInt32(min(max($0, 0), 14) + 1) } ?? 0
    let person: UInt32 = r.personDependent.map { $0 ? 2 : 1 } ?? 0
    let trust = r.trust.map { UInt32(min(max($0, 0), 14) + 1) } ?? 0
    return UInt32(r.kinds.rawValue) << 16 | frequency << 12 | familiarity << 8 | person << 4 | trust
}

/// One warning for a year where at least 30 % of at least 20 ties that name a kind leave 頻度
/// blank: tie strength, the weighted measures and the "rarely in touch" findings rest on it (a
/// plain list of partners, naming no kind, or a survey that gives no frequency at all did not ask
/// the question). It names the
/// agencies with the most blank rows (at most five), whom to ask.
private func blankFrequencyWarning(_ year: YearData, at file: String?, into warnings: inout Diagnostics) {
    var blank = [Int](repeating: 0, count: year.agencies.count)
    var total = 0
    let reports = year.reports
    for i in reports.indices where !reports[i].kinds.isEmpty {
        total += 1
        if reports[i].frequency == nil { blank[reports[i].reporter] += 1 }
    }
    let blanks = blank.reduce(0, +)
    // A survey that never gives a frequency did not ask for it.
    guard total >= 20, 10 * blanks >= 3 * total, blanks < total, let first = year.reports.first else { return }
    let most = blank.indices.filter { blank[$0] > 0 }.sorted { (-blank[$0], $0) < (-blank[$1], $1) }.prefix(5)
    warnings.warning(
        SourceLocation(file: file ?? first.location.file, line: 0, column: 0),
        .frequencyOftenBlank(
            blank: blanks, of: total, agencies: most.map { (year.agencies[$0], blank[$0]) }))
}

extension Wording {
    static func frequencyOftenBlank(blank: Int, of total: Int, agencies: [(Agency, Int)]) -> Wording {
        let percent = (100 * blank + total / 2) / total
        let ja = agencies.map { "「\($0.displayName)」(\($0.id)) \($1)行" }.joined(separator: "、")
        let en = agencies.map { "\($0.displayName) (\($0.id)) \($1)" }.joined(separator: ", ")
        return Wording(
            Text(
                ja: "連携\(total)件のうち\(blank)件 (\(percent)%) は頻度が空欄です。多い機関: \(ja)",
                en: "\(blank) of \(total) ties (\(percent) %) leave the frequency blank; most of them: \(en)"),
            hint: Text(
                ja: "頻度は連携の強さの目安になります。空欄の多い機関に書き足してもらってください",
                en: "the frequency gives a tie its strength; ask these agencies to fill it in"))
    }

    static func sameAnswerEverywhere(_ agency: Agency, rows: Int, same: Int) -> Wording {
        Wording(
            Text(
                ja: "「\(agency.displayName)」(\(agency.id)) の回答\(rows)行のうち\(same)行が、まったく同じ内容です。"
                    + "様式の書き方を取り違えていないか確かめてください",
                en: "\(same) of the \(rows) answers of \(agency.displayName) (\(agency.id)) are identical; "
                    + "check that the form was understood"),
            hint: Text(
                ja: "一緒に仕事をしている相手の行にだけ、その相手との連携の内容を書くよう伝えてください",
                en: "only the rows of agencies it works with are filled in, each with that tie's details"))
    }

    static func farMoreThanLastYear(_ agency: Agency, now: Int, before: Int, year: FiscalYear) -> Wording {
        Wording(
            Text(
                ja: "「\(agency.displayName)」(\(agency.id)) は連携先を\(now)機関挙げています (\(year.japanese)は\(before)機関)。"
                    + "様式の書き方を取り違えていないか確かめてください",
                en: "\(agency.displayName) (\(agency.id)) names \(now) partners (\(before) in \(year)); "
                    + "check that the form was understood"),
            hint: Text(
                ja: "知っているだけの相手の行には、連携内容も頻度も書かないよう伝えてください",
                en: "for agencies it only knows of, the kind of tie and the frequency stay blank"))
    }

    static func farMoreThanField(_ agency: Agency, now: Int, most: Int) -> Wording {
        Wording(
            Text(
                ja: "「\(agency.displayName)」(\(agency.id)) は連携先を\(now)機関挙げています。同じ分野のほかの機関は多くても\(most)機関です。"
                    + "様式の書き方を取り違えていないか確かめてください",
                en:
                    "\(agency.displayName) (\(agency.id)) names \(now) partners, where no other agency of its field names "
                    + "more than \(most); check that the form was understood"),
            hint: Text(
                ja: "知っているだけの相手の行には、連携内容も頻度も書かないよう伝えてください",
                en: "for agencies it only knows of, the kind of tie and the frequency stay blank"))
    }
}
