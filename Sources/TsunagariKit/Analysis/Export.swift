import Foundation

/// Fixed-precision number text for tables and CSV, so that two runs give identical bytes.
public func fixed(_ x: Double?, digits: Int = 6) -> String {
    guard let x, x.isFinite else { return "" }
    let s = String(format: "%.\(digits)f", x)
    return s == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : s
}

extension Analysis {
    /// The per-agency table as CSV, one row per agency sorted by ID; the first sixteen columns are
    /// the documented interface (`id,name,field,degree,…,articulation`).
    public func agencyCSV(_ language: Language) -> String {
        let header = [
            "id", "name", "field", "degree", "in_degree", "out_degree", "betweenness", "closeness",
            "harmonic", "pagerank", "eigenvector", "core", "clustering", "constraint", "effective_size",
            "articulation", "weighted_degree", "betweenness_directed", "community", "responded",
            "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "cut_off",
        ]
        var lines = [header.joined(separator: ",")]
        for a in agencies {
            let row = [
                a.id, a.name, a.field.label(language), "\(a.degree)", "\(a.inDegree)", "\(a.outDegree)",
                fixed(a.betweenness), fixed(a.closeness), fixed(a.harmonic), fixed(a.pagerank), fixed(a.eigenvector),
                "\(a.core)", fixed(a.clustering), fixed(a.constraint), fixed(a.effectiveSize),
                a.articulation ? "1" : "0",
                fixed(a.weightedDegree, digits: 1), fixed(a.betweennessDirected), "\(a.community)",
                a.responded ? "1" : "0",
                "\(a.brokerage.coordinator)", "\(a.brokerage.itinerant)", "\(a.brokerage.gatekeeper)",
                "\(a.brokerage.representative)", "\(a.brokerage.liaison)", a.cutOff.joined(separator: ";"),
            ]
            lines.append(row.map(csvCell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Network summary and per-agency measures as JSON (sorted keys).
    public func json() throws -> Data {
        struct Document: Encodable {
            var fiscalYear: Int
            var network: NetworkMeasures
            var agencies: [AgencyMeasures]
        }
        return try encodeJSON(Document(fiscalYear: network.data.fiscalYear.year, network: summary, agencies: agencies))
    }
}

/// Findings as CSV: severity, kind, agency IDs, fields, message in `language`.
public func findingsCSV(_ findings: [Finding], _ language: Language) -> String {
    var lines = ["severity,kind,agencies,fields,message"]
    for f in findings {
        lines.append(
            [
                f.severity.rawValue, f.kind.rawValue, f.agencies.joined(separator: ";"),
                f.fields.map { $0.label(language) }.joined(separator: ";"), f.message(language),
            ]
            .map(csvCell).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
}

/// JSON with sorted keys and two-space indentation; NaN and infinities (possible only in
/// degenerate networks) are written as null-like strings rather than failing.
public func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(value)
}
