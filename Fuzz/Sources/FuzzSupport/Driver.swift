// SwiftPM gives every executable its own main(), which hides libFuzzer's; so each fuzz target's
// main hands its input function to libFuzzer's driver (LLVMFuzzerRunDriver, libFuzzer ≥ LLVM 11).
import Foundation

public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzInput
) -> Int32

/// Runs libFuzzer with the command-line arguments on `input`; never returns.
public func runFuzzer(_ input: FuzzInput) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, input))
}
