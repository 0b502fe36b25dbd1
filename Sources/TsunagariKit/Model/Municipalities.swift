/// The municipalities of a health centre's area (docs/DOMAIN.md §12): agencies.csv names the
/// municipality each agency serves; an agency without one serves the whole area.
extension YearData {
    /// The municipalities the year's agencies name, sorted.
    public var areas: [String] { Set(agencies.compactMap(\.area)).sorted(by: naturalOrder) }

    /// The year as one municipality sees it: its own agencies and the area-wide agencies tied to
    /// any of them (a survey answer either way), with the answers, hand-offs and reviews among
    /// those agencies. Indices are renumbered; the agencies keep their order. An agency that answered
    /// the survey but named only agencies outside the view still answered: it counts as one that
    /// named no partner here (`answeredWithoutPartners`), not as one that was silent.
    public func restricted(toArea area: String) -> YearData {
        let own = Set(agencies.indices.filter { agencies[$0].area == area })
        var keep = own
        for r in reports where agencies[r.reporter].area == nil || agencies[r.partner].area == nil {
            if own.contains(r.reporter) && agencies[r.partner].area == nil { keep.insert(r.partner) }
            if own.contains(r.partner) && agencies[r.reporter].area == nil { keep.insert(r.reporter) }
        }
        let kept = agencies.indices.filter(keep.contains)
        let index = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var data = YearData(
            fiscalYear: fiscalYear, folder: folder, agencies: kept.map { agencies[$0] },
            reports: reports.compactMap { r in
                guard let a = index[r.reporter], let b = index[r.partner] else { return nil }
                var r = r
                (r.reporter, r.partner) = (a, b)
                return r
            },
            referrals: referrals.compactMap { r in
                guard let a = index[r.from], let b = index[r.to] else { return nil }
                var r = r
                (r.from, r.to) = (a, b)
                return r
            })
        data.settings = settings
        let answered = Set(reports.map(\.reporter) + answeredWithoutPartners)
        let reportingHere = Set(data.reports.map(\.reporter))
        data.answeredWithoutPartners = kept.filter { answered.contains($0) }.compactMap { index[$0] }
            .filter { !reportingHere.contains($0) }
        data.reviews = reviews.compactMap { review in
            var review = review
            if let from = review.proposedFrom {
                guard let a = index[from] else { return nil }
                review.proposedFrom = a
            }
            if let to = review.proposedTo {
                guard let b = index[to] else { return nil }
                review.proposedTo = b
            }
            return review
        }
        return data
    }
}

extension Network {
    /// Every municipality any year names, sorted.
    public var areas: [String] { Set(years.flatMap(\.areas)).sorted(by: naturalOrder) }

    /// The municipality written `written` (compared after `normalizedKey`), if the network has it.
    public func area(named written: String) -> String? {
        areas.first { $0 == written } ?? areas.first { normalizedKey($0) == normalizedKey(written) }
    }

    /// Every year as the municipality sees it (`YearData.restricted`).
    public func restricted(toArea area: String) -> Network {
        var network = self
        network.years = years.map { $0.restricted(toArea: area) }
        return network
    }
}
