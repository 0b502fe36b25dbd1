/// Who offers what for which ages: the resource map (社会資源マップ) of docs/DOMAIN.md §11, read
/// from the agencies' profiles (the `services` column of agencies.csv).
public struct ServiceMatrix: Sendable {
    /// `cells[service.rawValue][band.rawValue]`: the agencies (indices, ascending) offering the
    /// service to people of the band.
    public private(set) var cells: [[[Int]]]
    /// Whether any agency states its services: without profiles nothing is known of them, and
    /// no absence is a finding.
    public let hasProfiles: Bool

    public init(_ agencies: [Agency]) {
        var cells = [[[Int]]](
            repeating: [[Int]](repeating: [], count: AgeBand.allCases.count), count: Service.allCases.count)
        for (i, agency) in agencies.enumerated() {
            for offer in agency.services {
                for band in AgeBand.allCases where agency.offers(offer.service, to: band) {
                    cells[offer.service.rawValue][band.rawValue].append(i)
                }
            }
        }
        self.cells = cells
        hasProfiles = agencies.contains { !$0.services.isEmpty }
    }

    public subscript(_ service: Service, _ band: AgeBand) -> [Int] { cells[service.rawValue][band.rawValue] }

    /// The agencies offering `service` to any age.
    public func offering(_ service: Service) -> [Int] {
        Array(Set(cells[service.rawValue].joined())).sorted()
    }
}
