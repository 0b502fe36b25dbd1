/// Connected components of the graph with directions ignored (weak components of a directed
/// graph), each sorted, largest first (ties: smallest member first). Breadth-first search, O(n + m).
public func components(_ g: Graph) -> [[Int]] {
    let n = g.nodeCount
    var seen = [Bool](repeating: false, count: n)
    var result: [[Int]] = []
    var queue: [Int] = []
    for start in 0..<n where !seen[start] {
        seen[start] = true
        queue = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for w in g.successors(v) + (g.isDirected ? g.predecessors(v) : []) where !seen[Int(w)] {
                seen[Int(w)] = true
                queue.append(Int(w))
            }
        }
        result.append(queue.sorted())
    }
    return result.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
}

/// Cut points of the undirected network: agencies whose departure splits it, and ties whose loss does.
public struct CutPoints: Sendable, Equatable {
    /// Articulation points, ascending.
    public var articulationPoints: [Int]
    /// Bridges `(a, b)` with `a < b`, sorted.
    public var bridges: [Pair]
    /// For each articulation point, the agencies that would lose their way to the rest of the
    /// network if it stepped back: every part left over except the largest, sorted.
    public var cutOff: [Int: [Int]]

    public struct Pair: Sendable, Hashable, Comparable {
        public var a: Int
        public var b: Int
        public static func < (x: Pair, y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }
}

/// Articulation points and bridges by Hopcroft–Tarjan depth-first search (Tarjan 1972), iterative,
/// O(n + m), on the graph with directions ignored. An articulation point's cut-off agencies are the
/// DFS subtrees it separates (low ≥ its discovery time); when it is the root, all but its largest subtree.
public func cutPoints(_ g: Graph) -> CutPoints {
    let u = g.undirected
    let n = u.nodeCount
    var discovery = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var subtreeSize = [Int](repeating: 1, count: n)
    var time = 0
    var bridges: [CutPoints.Pair] = []
    var separated: [Int: [Int]] = [:]  // articulation point → roots of the subtrees it separates
    var parent = [Int](repeating: -1, count: n)
    var treeRoot = [Int](repeating: -1, count: n)  // the root of each agency's search tree

    for root in 0..<n where discovery[root] == -1 {
        treeRoot[root] = root
        // Stack of (node, next edge index).
        var stack: [(Int, Int)] = [(root, u.offsets[root])]
        discovery[root] = time; low[root] = time; time += 1
        while let (v, next) = stack.last {
            if next < u.offsets[v + 1] {
                stack[stack.count - 1].1 += 1
                let w = Int(u.targets[next])
                if discovery[w] == -1 {
                    parent[w] = v
                    treeRoot[w] = root
                    discovery[w] = time; low[w] = time; time += 1
                    stack.append((w, u.offsets[w]))
                } else if w != parent[v] {
                    low[v] = min(low[v], discovery[w])
                }
            } else {
                stack.removeLast()
                guard let p = stack.last?.0 else { continue }
                low[p] = min(low[p], low[v])
                subtreeSize[p] += subtreeSize[v]
                if low[v] > discovery[p] { bridges.append(.init(a: min(p, v), b: max(p, v))) }
                if low[v] >= discovery[p] { separated[p, default: []].append(v) }
            }
        }
    }

    var cutOff: [Int: [Int]] = [:]
    for (point, roots) in separated {
        var parts = roots
        if parent[point] == -1 {
            // The root separates its subtrees from each other only when it has two or more.
            guard roots.count >= 2 else { continue }
            let largest = roots.max { (subtreeSize[$0], -$0) < (subtreeSize[$1], -$1) }!
            parts.removeAll { $0 == largest }
        } else {
            // The rest of the network (through the parent) is kept unless a subtree is larger.
            let componentSize = subtreeSize[treeRoot[point]]
            let rest = componentSize - 1 - roots.reduce(0) { $0 + subtreeSize[$1] }
            if let largest = roots.max(by: { (subtreeSize[$0], -$0) < (subtreeSize[$1], -$1) }),
                subtreeSize[largest] > rest
            {
                parts.removeAll { $0 == largest }
                parts.append(-1)  // the rest of the network is cut off instead
            }
        }
        var members: [Int] = []
        for r in parts {
            if r == -1 {
                members += restOfComponent(point, separated: roots, u)
            } else {
                members += subtree(r, parent: point, u)
            }
        }
        cutOff[point] = members.sorted()
    }
    return CutPoints(articulationPoints: cutOff.keys.sorted(), bridges: bridges.sorted(), cutOff: cutOff)
}

/// The agencies reachable from `start` without passing `blocked`.
private func reachable(from start: Int, blocked: Int, _ u: Graph) -> [Int] {
    var seen: Set<Int> = [start, blocked]
    var queue = [start], head = 0
    while head < queue.count {
        let v = queue[head]; head += 1
        for w in u.successors(v) where seen.insert(Int(w)).inserted { queue.append(Int(w)) }
    }
    return queue
}

private func subtree(_ root: Int, parent: Int, _ u: Graph) -> [Int] {
    reachable(from: root, blocked: parent, u)
}

private func restOfComponent(_ point: Int, separated roots: [Int], _ u: Graph) -> [Int] {
    // Any neighbour of `point` outside the separated subtrees lies in the rest.
    let inSubtrees = Set(roots.flatMap { subtree($0, parent: point, u) })
    guard let start = u.successors(point).map(Int.init).first(where: { !inSubtrees.contains($0) }) else { return [] }
    return reachable(from: start, blocked: point, u)
}
