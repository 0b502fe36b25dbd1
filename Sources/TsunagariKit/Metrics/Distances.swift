/// Diameter and average path length of the largest component (in hops, directions ignored):
/// how many hand-offs separate the two farthest agencies, and how many separate two agencies on
/// average. Breadth-first search from every agency of the component, O(n·m), parallel.
public func pathLengths(_ g: Graph) -> (diameter: Int, averagePathLength: Double) {
    let u = g.undirected
    guard let largest = components(u).first, largest.count > 1 else { return (0, 0) }
    let partial = forEachSourceChunk(largest.count, nodeCount: u.nodeCount) { range, ws -> (Int, Double) in
        var diameter = 0, total = 0.0
        for i in range {
            ws.run(u, from: largest[i], weighted: false, countPaths: false)
            for v in ws.order {
                let d = ws.distance[Int(v)]
                total += d
                diameter = max(diameter, Int(d))
            }
        }
        return (diameter, total)
    }
    let k = Double(largest.count)
    return (partial.map(\.0).max() ?? 0, partial.map(\.1).reduce(0, +) / (k * (k - 1)))
}
