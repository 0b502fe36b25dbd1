/// Where each reporter → partner pair of a year was first reported, for the error on the rows
/// that report it again.
///
/// A survey adds a pair with nearly every row, so this is the loader's busiest table: open
/// addressing with linear probing over a power-of-two array at most half full, each slot holding
/// the pair with its place. The slot is the reporter's, spread by Fibonacci hashing (Knuth, TAOCP
/// vol. 3, §6.4: the product with 2⁶⁴/φ, its top bits), plus up to 15 by the partner: a survey
/// lists each reporter's partners together, and they then fall in the same few cache lines.
struct PairPlaces {
    struct Place {
        /// The file's number, its line and column.
        var file: UInt32, line: UInt32, column: UInt32
    }

    private typealias Slot = (reporter: Int32, partner: Int32, place: Place)
    private static let empty: Slot = (-1, -1, Place(file: 0, line: 0, column: 0))
    private var slots = [Slot](repeating: empty, count: 16)
    private var shift: UInt64 = 60  // 64 − log₂ slots.count
    private var count = 0

    /// Room for `more` pairs beyond those in the table, so that it does not grow while they come.
    mutating func reserve(_ more: Int) {
        var size = slots.count
        while 2 * (count + more) > size { size *= 2 }
        if size > slots.count { resize(size) }
    }

    /// Notes the pair at `place` when it is new (nil); the place where it was first met otherwise.
    mutating func insert(_ reporter: Int, _ partner: Int, at place: Place) -> Place? {
        if 2 * (count + 1) > slots.count { resize(2 * slots.count) }
        let (r, p) = (Int32(reporter), Int32(partner))
        var slot = self.slot(r, p)
        while slots[slot].reporter >= 0 {
            if slots[slot].reporter == r && slots[slot].partner == p { return slots[slot].place }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = (r, p, place)
        count += 1
        return nil
    }

    private func slot(_ reporter: Int32, _ partner: Int32) -> Int {
        let phi: UInt64 = 0x9E37_79B9_7F4A_7C15
        let base = (UInt64(reporter) &* phi) >> shift
        let near = (UInt64(partner) &* phi) >> 60
        return Int(truncatingIfNeeded: base &+ near) & (slots.count - 1)
    }

    private mutating func resize(_ size: Int) {
        let old = slots
        slots = Array(repeating: Self.empty, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for entry in old where entry.reporter >= 0 {
            var slot = self.slot(entry.reporter, entry.partner)
            while slots[slot].reporter >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }
}
