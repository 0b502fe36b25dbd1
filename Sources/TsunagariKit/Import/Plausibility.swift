/// Answers that are valid but unlikely, most often a form misunderstood (docs/FORMATS.md §6): an
/// agency that names far more partners than it did the year before, or than any other agency of
/// its field, and one that gave the same answer in (almost) every row. Each is a warning at the
/// agency's first answer, with its name, so that a planner asks before the map and the findings
/// change.
///
/// "Far more" is at least twice as many and at least 10 more; "almost every row" is at least 90 %
/// of at least 10 rows with the same kinds, frequency, familiarity, person-dependence and trust
/// (rows that give none of them, a plain list of partners, are not counted).
func plausibilityWarnings(_ years: [YearData], into warnings: inout Diagnostics) {
    for (y, year) in years.enumerated() {
        var named = [Int](repeating: 0, count: year.agencies.count)
        var first: [Int: SourceLocation] = [:]
        for r in year.reports {
            named[r.reporter] += 1
            if first[r.reporter] == nil { first[r.reporter] = r.location }
        }
        var before: [String: Int] = [:]
        if y > 0 {
            let previous = years[y - 1]
            for r in previous.reports { before[previous.agencies[r.reporter].id, default: 0] += 1 }
        }
        func farMore(_ n: Int, than m: Int) -> Bool { n >= 2 * m && n >= m + 10 }
        // The most frequent answer of each reporter (rows that give nothing left out), counted in one
        // table keyed by reporter and answer.
        struct Answer: Hashable {
            var reporter: Int, kinds: TieKinds, frequency: Frequency?, familiarity: Int?, person: Bool?, trust: Int?
        }
        var answers: [Answer: Int] = [:]
        var commonest = [Int](repeating: 0, count: year.agencies.count)
        for r in year.reports {
            let answer = Answer(
                reporter: r.reporter, kinds: r.kinds, frequency: r.frequency, familiarity: r.familiarity,
                person: r.personDependent, trust: r.trust)
            if answer
                == Answer(reporter: r.reporter, kinds: [], frequency: nil, familiarity: nil, person: nil, trust: nil)
            {
                continue
            }
            answers[answer, default: 0] += 1
            commonest[r.reporter] = max(commonest[r.reporter], answers[answer]!)
        }
        // For each field: the agencies that answered, the one naming most, and the most named by another.
        var byField = [(answered: Int, best: Int, second: Int)](repeating: (0, 0, 0), count: Field.allCases.count)
        for (i, agency) in year.agencies.enumerated() where named[i] > 0 {
            var f = byField[agency.field.rawValue]
            if f.answered == 0 || named[i] > named[f.best] {
                if f.answered > 0 { f.second = named[f.best] }
                f.best = i
            } else {
                f.second = max(f.second, named[i])
            }
            f.answered += 1
            byField[agency.field.rawValue] = f
        }
        for (i, agency) in year.agencies.enumerated() where named[i] > 0 {
            guard let at = first[i] else { continue }
            if named[i] >= 10, 10 * commonest[i] >= 9 * named[i] {
                warnings.warning(at, .sameAnswerEverywhere(agency, rows: named[i], same: commonest[i]))
            }
            if let was = before[agency.id], farMore(named[i], than: was) {
                warnings.warning(
                    at, .farMoreThanLastYear(agency, now: named[i], before: was, year: years[y - 1].fiscalYear))
                continue
            }
            // The others of the field: how many answered, and the most any of them named.
            let field = byField[agency.field.rawValue]
            let most = field.best == i ? field.second : named[field.best]
            if field.answered - 1 >= 2, farMore(named[i], than: most) {
                warnings.warning(at, .farMoreThanField(agency, now: named[i], most: most))
            }
        }
    }
}

extension Wording {
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
