/// Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to status scores and
/// clique identification"): an agency is central when its partners are central.
/// x is the leading eigenvector of the adjacency matrix, x_v ∝ Σ_{u → v} w_uv x_u (in a directed
/// graph, the ties pointing to v count).
///
/// Undirected graphs (a symmetric A): the Lanczos method (Lanczos 1950; Golub & Van Loan 2013,
/// "Matrix Computations", §10.1) from the uniform vector b, restarted from its Ritz vector every
/// `lanczosSteps` steps, with full reorthogonalisation, until the residual ‖Ax − θx‖₂ is at most
/// 10⁻¹² · max(1, θ), for at most `lanczosRestarts` restarts. The Krylov space of b holds only b's
/// part in each eigenspace, so the result is what networkx's power iteration from the uniform
/// vector converges to (b projected onto the leading eigenspace, normalised), degenerate cases
/// (several equal components, no ties) too. It needs far fewer products with A than power
/// iteration when λ₂ is near λ₁ (a chain of 300 agencies: some 1,700 steps against power
/// iteration's tens of thousands), but restarts from one Ritz vector still slow down as the gap
/// closes: a chain of a few thousand agencies can end without converging (nil), as power
/// iteration does.
///
/// Directed graphs: power iteration as networkx does it, on A + I (the shift keeps bipartite
/// graphs from oscillating; it changes no eigenvector): x starts uniform, x ← (x + Aᵀx) / ‖x + Aᵀx‖₂,
/// until the L1 change is below n · 10⁻¹⁵, for at most 100,000 iterations. Returns nil when it does
/// not converge (possible in directed graphs without a dominant eigenvalue). Time O(m) per iteration.
public func eigenvectorCentrality(_ g: Graph, weighted: Bool = false) -> [Double]? {
    let n = g.nodeCount
    guard n > 0 else { return [] }
    if !g.isDirected { return lanczosLeading(g, weighted: weighted, tolerance: 1e-12) }
    let (tolerance, maxIterations) = (1e-15, 100_000)
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = x
    let ones = [Double](repeating: 1, count: weighted ? 0 : g.inTargets.count)
    let weights = weighted ? g.inWeights : ones
    // Pulled along in-edges: next[v] = x[v] + Σ_{u → v} w_uv x_u, summed in ascending u as a push
    // over out-edges would, so the result does not depend on the direction of the loop.
    return g.inOffsets.withUnsafeBufferPointer { offsets in
        g.inTargets.withUnsafeBufferPointer { sources in
            weights.withUnsafeBufferPointer { weights -> [Double]? in
                for _ in 0..<maxIterations {
                    var norm = 0.0
                    x.withUnsafeBufferPointer { x in
                        next.withUnsafeMutableBufferPointer { next in
                            for v in 0..<n {
                                var sum = x[v]
                                for i in offsets[v]..<offsets[v + 1] { sum += x[Int(sources[i])] * weights[i] }
                                next[v] = sum
                                norm += sum * sum
                            }
                        }
                    }
                    norm = norm.squareRoot()
                    if norm == 0 { norm = 1 }
                    var change = 0.0
                    for v in 0..<n {
                        next[v] /= norm
                        change += abs(next[v] - x[v])
                    }
                    swap(&x, &next)
                    if change < Double(n) * tolerance { return x }
                }
                return nil
            }
        }
    }
}

/// Steps of the Lanczos method between restarts, and restarts at most (`eigenvectorCentrality`).
let lanczosSteps = 32
let lanczosRestarts = 200

/// The leading eigenvector of a symmetric graph's adjacency matrix from the uniform start (see
/// `eigenvectorCentrality`), L2-normalised, its entries of the sign of their sum.
func lanczosLeading(_ g: Graph, weighted: Bool, tolerance: Double) -> [Double]? {
    let n = g.nodeCount
    let ones = [Double](repeating: 1, count: weighted ? 0 : g.targets.count)
    let weights = weighted ? g.weights : ones
    /// y = A x, summed along each node's edges in ascending order.
    func multiply(_ x: [Double], into y: inout [Double]) {
        g.offsets.withUnsafeBufferPointer { offsets in
            g.targets.withUnsafeBufferPointer { targets in
                weights.withUnsafeBufferPointer { weights in
                    x.withUnsafeBufferPointer { x in
                        y.withUnsafeMutableBufferPointer { y in
                            for v in 0..<n {
                                var sum = 0.0
                                for i in offsets[v]..<offsets[v + 1] { sum += x[Int(targets[i])] * weights[i] }
                                y[v] = sum
                            }
                        }
                    }
                }
            }
        }
    }
    func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<n { sum += a[i] * b[i] }
                return sum
            }
        }
    }
    /// w −= c · v
    func subtract(_ c: Double, _ v: [Double], from w: inout [Double]) {
        v.withUnsafeBufferPointer { v in
            w.withUnsafeMutableBufferPointer { w in for i in 0..<n { w[i] -= c * v[i] } }
        }
    }
    var start = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
    var w = [Double](repeating: 0, count: n)
    for _ in 0..<lanczosRestarts {
        var basis = [start], alpha: [Double] = [], beta: [Double] = []
        for j in 0..<min(lanczosSteps, n) {
            multiply(basis[j], into: &w)
            alpha.append(dot(w, basis[j]))
            // Full reorthogonalisation (classical Gram–Schmidt, one pass: the true residual is
            // checked at the end, and a restart repairs what rounding lost).
            for v in basis { subtract(dot(w, v), v, from: &w) }
            let norm = dot(w, w).squareRoot()
            if norm <= 1e-14 * max(1, abs(alpha[j])) || j == min(lanczosSteps, n) - 1 { break }
            beta.append(norm)
            basis.append(w.map { $0 / norm })
        }
        let (theta, y) = tridiagonalLeading(alpha, beta)
        var x = [Double](repeating: 0, count: n)
        for (k, v) in basis.enumerated() where y[k] != 0 { subtract(-y[k], v, from: &x) }
        let length = dot(x, x).squareRoot()
        guard length > 0 else { return nil }
        for i in 0..<n { x[i] /= length }
        multiply(x, into: &w)
        var residual = 0.0
        for i in 0..<n { residual += (w[i] - theta * x[i]) * (w[i] - theta * x[i]) }
        if residual.squareRoot() <= tolerance * max(1, abs(theta)) {
            // b projected onto the leading eigenspace of a nonnegative matrix is nonnegative
            // (Perron–Frobenius): what is below 0 is rounding, and −0 is written 0.
            let sign = x.reduce(0, +) < 0 ? -1.0 : 1.0
            return x.map { max(0, sign * $0) + 0 }
        }
        start = x
    }
    return nil
}

/// The largest eigenvalue of the symmetric tridiagonal matrix with `diagonal` and `offDiagonal`
/// and its unit eigenvector, by cyclic Jacobi rotations on the dense matrix (at most
/// `lanczosSteps` × `lanczosSteps`: small enough that simplicity wins).
func tridiagonalLeading(_ diagonal: [Double], _ offDiagonal: [Double]) -> (Double, [Double]) {
    let m = diagonal.count
    var a = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    var v = a
    for i in 0..<m {
        a[i][i] = diagonal[i]
        v[i][i] = 1
        if i + 1 < m && i < offDiagonal.count { (a[i][i + 1], a[i + 1][i]) = (offDiagonal[i], offDiagonal[i]) }
    }
    // Done when what is off the diagonal is negligible beside the matrix itself (relative, so
    // that a large θ does not keep it sweeping).
    let scale = max(1e-300, diagonal.reduce(0) { $0 + $1 * $1 } + 2 * offDiagonal.reduce(0) { $0 + $1 * $1 })
    for _ in 0..<100 {
        var off = 0.0
        for p in 0..<m { for q in (p + 1)..<max(m, p + 1) { off += a[p][q] * a[p][q] } }
        if off <= 1e-30 * scale { break }
        for p in 0..<m {
            for q in (p + 1)..<max(m, p + 1) where abs(a[p][q]) > 1e-300 {
                // The rotation that zeroes a[p][q] (Golub & Van Loan 2013, §8.5.2).
                let tau = (a[q][q] - a[p][p]) / (2 * a[p][q])
                let t = (tau >= 0 ? 1 : -1) / (abs(tau) + (1 + tau * tau).squareRoot())
                let c = 1 / (1 + t * t).squareRoot(), s = t * c
                for k in 0..<m {
                    let (akp, akq) = (a[k][p], a[k][q])
                    (a[k][p], a[k][q]) = (c * akp - s * akq, s * akp + c * akq)
                }
                for k in 0..<m {
                    let (apk, aqk) = (a[p][k], a[q][k])
                    (a[p][k], a[q][k]) = (c * apk - s * aqk, s * apk + c * aqk)
                }
                for k in 0..<m {
                    let (vkp, vkq) = (v[k][p], v[k][q])
                    (v[k][p], v[k][q]) = (c * vkp - s * vkq, s * vkp + c * vkq)
                }
            }
        }
    }
    let top = (0..<m).max { a[$0][$0] < a[$1][$1] } ?? 0
    return (a[top][top], (0..<m).map { v[$0][top] })
}
