import Foundation

/// A hash table from byte strings to values, looked up with the bytes where they lie (a cell of a
/// file being read) without making a `String` or an array for the key.
///
/// Open addressing with linear probing over a power-of-two array of slots, at most half full; the
/// keys are kept in one pool of bytes and hashed by the standard library's `Hasher` (SipHash with
/// a per-process seed, so that no file can be crafted to make the keys collide). A slot holds its
/// entry's number with 32 more bits of the hash, so that a probe past another key seldom reads
/// that key. An entry holds its key's place in the pool beside its value, so that a lookup reads
/// one entry (in a table of 100,000 names each read is a cache miss). Entries keep the order they
/// were added in.
struct ByteTable<Value: Sendable>: Sendable {
    private var pool: [UInt8] = []
    private var entries: [(start: UInt32, count: UInt32, value: Value)] = []
    private var hashes: [Int] = []
    /// The high 32 bits of the hash and 1 + the index of the entry in each slot, 0 for an empty slot.
    private var slots = [UInt64](repeating: 0, count: 16)

    var count: Int { entries.count }

    /// The value of entry `i`.
    func value(_ i: Int) -> Value { entries[i].value }

    /// The key of entry `i`.
    func key(_ i: Int) -> ArraySlice<UInt8> { pool[Int(entries[i].start)..<Int(entries[i].start + entries[i].count)] }

    /// The key of entry `i` as text.
    func string(_ i: Int) -> String { String(decoding: key(i), as: UTF8.self) }

    /// The entry of `key`, or nil; `hash` is `ByteTable.hash(key)`, which every table shares.
    func index(_ key: UnsafeBufferPointer<UInt8>, hash: Int? = nil) -> Int? {
        let hash = hash ?? Self.hash(key)
        let tag = Self.tag(hash)
        return pool.withUnsafeBufferPointer { pool in
            var slot = hash & (slots.count - 1)
            while slots[slot] != 0 {
                let i = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: slots[slot])) - 1
                if slots[slot] >> 32 == tag && entries[i].count == key.count
                    && (key.isEmpty
                        || memcmp(pool.baseAddress! + Int(entries[i].start), key.baseAddress!, key.count) == 0)
                {
                    return i
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    subscript(key: UnsafeBufferPointer<UInt8>) -> Value? {
        index(key).map { entries[$0].value }
    }

    subscript(key: String) -> Value? {
        var key = key  // native UTF-8: no copy
        return key.withUTF8 { self[$0] }
    }

    /// Changes the value of `key`, added first as `initial` when it is not in the table; `hash`
    /// is `ByteTable.hash(key)` when it was found before.
    mutating func update(_ key: String, hash: Int? = nil, initial: Value, _ change: (inout Value) -> Void) {
        var key = key
        key.withUTF8 { bytes in
            let hash = hash ?? Self.hash(bytes)
            let i = index(bytes, hash: hash) ?? add(bytes, initial, hash: hash)
            change(&entries[i].value)
        }
    }

    /// Sets the value of `key`.
    mutating func set(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        if let i = index(key) { entries[i].value = value } else { _ = add(key, value, hash: Self.hash(key)) }
    }

    mutating func set(_ key: String, _ value: Value) {
        var key = key
        key.withUTF8 { set($0, value) }
    }

    /// Room for `count` entries with `bytes` bytes of keys in all, so that the table does not grow
    /// while they are added.
    mutating func reserve(_ count: Int, bytes: Int) {
        pool.reserveCapacity(bytes)
        entries.reserveCapacity(count)
        hashes.reserveCapacity(count)
        var size = slots.count
        while size < 2 * count { size *= 2 }
        if size > slots.count { resize(size) }
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ value: Value, hash: Int) -> Int {
        if 2 * (count + 1) > slots.count { resize(2 * slots.count) }
        let i = count
        entries.append((UInt32(pool.count), UInt32(key.count), value))
        pool.append(contentsOf: key)
        hashes.append(hash)
        place(i)
        return i
    }

    private mutating func resize(_ size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        for i in 0..<count { place(i) }
    }

    private mutating func place(_ i: Int) {
        var slot = hashes[i] & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Self.tag(hashes[i]) << 32 | UInt64(i + 1)
    }

    private static func tag(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) >> 32 }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize()
    }
}

/// The values of cells read before, by the cells' bytes: a `ByteTable` with a direct-mapped cache
/// in front, for the few dozen spellings a large survey repeats in a column (its kinds, its
/// frequencies), so that most cells are found without being hashed whole.
///
/// A cell's slot comes from its length and seven of its bytes by Fibonacci hashing (Knuth,
/// TAOCP 3, §6.4); a cell whose slot holds another is looked up in the table, and takes the slot.
/// The cache holds the cells where they lie: the text they are in must outlive it.
struct CellValues<Value: Sendable> {
    private var table = ByteTable<Value>()
    private var slots = [(cell: UnsafeBufferPointer<UInt8>, value: Value)?](repeating: nil, count: 1 << slotBits)
    private static var slotBits: Int { 10 }

    /// The value of `cell`, or nil when it was never set.
    mutating func value(_ cell: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = Self.slot(cell)
        if let (held, value) = slots[slot], held.count == cell.count,
            cell.isEmpty || memcmp(held.baseAddress!, cell.baseAddress!, cell.count) == 0
        {
            return value
        }
        guard let value = table[cell] else { return nil }
        slots[slot] = (cell, value)
        return value
    }

    mutating func set(_ cell: UnsafeBufferPointer<UInt8>, _ value: Value) {
        table.set(cell, value)
        slots[Self.slot(cell)] = (cell, value)
    }

    private static func slot(_ cell: UnsafeBufferPointer<UInt8>) -> Int {
        let n = cell.count
        guard n > 0 else { return 0 }
        func byte(_ i: Int, _ shift: UInt64) -> UInt64 { UInt64(cell[min(max(i, 0), n - 1)]) << shift }
        let mixed =
            UInt64(n) | byte(1, 8) | byte(2, 16) | byte(n - 1, 24) | byte(n - 2, 32) | byte(n / 2, 40)
            | byte(n / 2 - 1, 48) | byte(0, 56)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }
}
