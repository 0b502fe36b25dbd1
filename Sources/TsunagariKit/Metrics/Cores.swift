/// Core number (k-core; Seidman 1983): the largest k such that the agency belongs to a group in
/// which everyone has at least k ties inside the group. Batagelj & Zaversnik's bucket algorithm
/// (2003), O(n + m), on the undirected graph.
public func coreNumbers(_ g: Graph) -> [Int] {
    let u = g.undirected
    let n = u.nodeCount
    var degree = (0..<n).map { u.outDegree($0) }
    let maxDegree = degree.max() ?? 0
    var bins = [Int](repeating: 0, count: maxDegree + 1)
    for d in degree { bins[d] += 1 }
    var start = 0
    for d in 0...maxDegree {
        let count = bins[d]
        bins[d] = start
        start += count
    }
    var position = [Int](repeating: 0, count: n)
    var vertices = [Int](repeating: 0, count: n)
    for v in 0..<n {
        position[v] = bins[degree[v]]
        vertices[position[v]] = v
        bins[degree[v]] += 1
    }
    for d in stride(from: maxDegree, to: 0, by: -1) { bins[d] = bins[d - 1] }
    bins[0] = 0
    for i in 0..<n {
        let v = vertices[i]
        for w32 in u.successors(v) {
            let w = Int(w32)
            if degree[w] > degree[v] {
                let dw = degree[w]
                let pw = position[w]
                let first = bins[dw]
                let x = vertices[first]
                if x != w {
                    position[w] = first; vertices[first] = w
                    position[x] = pw; vertices[pw] = x
                }
                bins[dw] += 1
                degree[w] -= 1
            }
        }
    }
    return degree
}
