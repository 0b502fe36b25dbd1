/// Terminal columns of a character: East Asian wide and full-width characters take two,
/// combining marks and zero-width characters none (Unicode UAX #11, simplified to the ranges
/// Japanese text uses).
public func columnWidth(_ c: Unicode.Scalar) -> Int {
    switch c.value {
    case 0x0300...0x036F, 0x200B...0x200F: 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1FAFF:
        2
    default: 1
    }
}

/// Terminal columns of a string (see `columnWidth`), for aligning tables and wrapping labels.
public func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + columnWidth($1) }
}
