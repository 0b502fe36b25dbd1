/// Where each reporter → partner pair of a year was first reported, for the error on the rows
/// that report it again.
///
/// A survey adds a pair with nearly every row, so this is the loader's busiest table: open
/// addressing with linear probing over a power-of-two array of slots at most three quarters full,
/// each slot 16 bytes (the pair and the number of its place; the places, read only for an error,
/// lie apart in the order they came). The slot is the reporter's, spread by Fibonacci hashing
/// (Knuth, TAOCP vol. 3, §6.4: the product with 2⁶⁴/φ, its top bits), plus up to 15 by the
/// partner: a survey lists each reporter's partners together, and they then fall in the same few
/// cache lines.
struct PairPlaces {
    struct Place {
        /// The file's number, its line and column.
        var file: UInt32, line: UInt32, column: UInt32
    }

    /// The reporter + 1 in the high 32 bits and the partner in the low ones (0: an empty slot),
    /// with the number of the pair's place.
    private typealias Slot = (pair: UInt64, place: UInt32)
    private var slots = [Slot](repeating: (0, 0), count: 16)
    private var places: [Place] = []
    private var shift: UInt64 = 60  // 64 − log₂ slots.count

    /// Room for `more` pairs beyond those in the table, so that it does not grow while they come.
    mutating func reserve(_ more: Int) {
        places.reserveCapacity(places.count + more)
        var size = slots.count
        while 4 * (places.count + more) > 3 * size { size *= 2 }
        if size > slots.count { resize(size) }
    }

    /// Notes the pair at `place` when it is new (nil); the place where it was first met otherwise.
    mutating func insert(_ reporter: Int, _ partner: Int, at place: Place) -> Place? {
        if 4 * (places.count + 1) > 3 * slots.count { resize(2 * slots.count) }
        let pair = UInt64(reporter + 1) << 32 | UInt64(partner)
        var slot = self.slot(pair)
        while slots[slot].pair != 0 {
            if slots[slot].pair == pair { return places[Int(slots[slot].place)] }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = (pair, UInt32(places.count))
        places.append(place)
        return nil
    }

    private func slot(_ pair: UInt64) -> Int {
        let phi: UInt64 = 0x9E37_79B9_7F4A_7C15
        let base = ((pair >> 32) &* phi) >> shift
        let near = ((pair & 0xFFFF_FFFF) &* phi) >> 60
        return Int(truncatingIfNeeded: base &+ near) & (slots.count - 1)
    }

    private mutating func resize(_ size: Int) {
        let old = slots
        slots = Array(repeating: (0, 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for entry in old where entry.pair != 0 {
            var slot = self.slot(entry.pair)
            while slots[slot].pair != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }
}
