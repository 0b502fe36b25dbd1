import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing output files safely: whole or not at all, never through a link into the input, never
/// over a device or a pipe, keeping the permissions of the file replaced.

/// A file that could not be written, or a place that must not be written to, in plain words.
public struct OutputError: BilingualError {
    public var message: Text
    public var hint: Text?

    public init(message: Text, hint: Text?) {
        (self.message, self.hint) = (message, hint)
    }
}

/// The temporary files and folders this process has open, removed when it is interrupted
/// (SIGINT, SIGTERM) so that no half-written temporary is left behind.
public enum Temporaries {
    private static let paths = Locked<Set<String>>([])

    static func add(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    static func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Runs `body` while no interruption can remove temporaries: a rename sequence completes.
    /// `body` must not register or remove temporaries.
    static func committing<T>(_ body: () throws -> T) rethrows -> T {
        try paths.withLock { _ in try body() }
    }

    /// Removes every temporary still registered. Called on an interruption, before exiting;
    /// waits for a commit in progress.
    public static func removeAll() {
        paths.withLock {
            for path in $0 { try? FileManager.default.removeItem(atPath: path) }
            $0.removeAll()
        }
    }
}

/// The reason of a failed system call, in both languages (the common ones in Japanese).
public func systemReason(_ code: Int32) -> Text {
    let en = String(cString: strerror(code))
    let ja: String
    switch code {
    case ENOSPC: ja = "ディスクの空き容量がありません"
    case EACCES, EPERM: ja = "権限がありません"
    case EROFS: ja = "読み取り専用の場所です"
    case ENOENT: ja = "フォルダがありません"
    case ENOTDIR: ja = "途中にフォルダでないものがあります"
    case EISDIR: ja = "同じ名前のフォルダがあります"
    case ENAMETOOLONG: ja = "ファイル名が長すぎます"
    case EDQUOT: ja = "ディスクの使用量の上限を超えました"
    case EIO: ja = "装置の読み書きに失敗しました"
    case EPIPE, EBADF: ja = "出力先が閉じられています"
    default: ja = en
    }
    return Text(ja: ja, en: en)
}

func writeFailure(_ path: String, _ code: Int32) -> OutputError {
    let reason = systemReason(code)
    return OutputError(
        message: Text(ja: "\(path) に書き込めません (\(reason.ja))", en: "cannot write \(path) (\(reason.en))"),
        hint: Text(
            ja: "出力先の場所・空き容量・権限を確かめてください",
            en: "check the place, the free space and the permissions of the output"))
}

/// The path the kernel would reach, with every symbolic link of every existing ancestor resolved
/// and `..` taken after the link it follows (as the kernel does; a path that does not exist yet
/// has its existing part resolved).
public func resolvedPath(_ path: String) -> String {
    var current = path.hasPrefix("/") ? "/" : FileManager.default.currentDirectoryPath
    if let real = realpath(current, nil) { current = String(cString: real); free(real) }
    var exists = true
    for component in path.split(separator: "/") where component != "." {
        if component == ".." {
            current = (current as NSString).deletingLastPathComponent
            continue
        }
        current = (current as NSString).appendingPathComponent(String(component))
        if exists, let real = realpath(current, nil) {
            current = String(cString: real)
            free(real)
        } else {
            exists = false
        }
    }
    return current
}

/// Refuses an output path inside the input folder (after resolving links) or one that exists
/// and is neither a regular file nor, when `folder`, a folder.
public func checkOutputPath(_ path: String, input: String, folder: Bool = false) throws {
    let target = resolvedPath(path), source = resolvedPath(input)
    if target == source || target.hasPrefix(source.hasSuffix("/") ? source : source + "/") {
        throw OutputError(
            message: Text(
                ja: "入力のフォルダ (\(input)) の中には書きません (\(path))",
                en: "refusing to write inside the input folder (\(input)): \(path)"),
            hint: Text(ja: "-o でほかの場所を指定してください", en: "choose another place with -o"))
    }
    var info = stat()
    guard lstat(target, &info) == 0 else { return }
    let type = info.st_mode & S_IFMT
    if type == S_IFREG || (folder && type == S_IFDIR) { return }
    throw OutputError(
        message: Text(
            ja: "\(path) は通常のファイルではありません (装置・パイプ・フォルダなど)。置き換えません",
            en: "\(path) exists and is not a regular file (a device, a pipe or a folder); it is not replaced"),
        hint: Text(ja: "出力するファイルの名前を -o で指定してください", en: "name the file to write with -o"))
}

/// The permission bits a new file gets: 0600 for outputs that hold exact case counts or notes.
public func outputMode(internal isInternal: Bool) -> mode_t { isInternal ? 0o600 : 0o644 }

/// The mode a file written to `path` gets: that of the regular file it replaces, else `mode`.
func mode(replacing path: String, else mode: mode_t) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? info.st_mode & 0o7777 : mode
}

/// Writes `data` to `path` through a temporary file beside it renamed into place, so a reader
/// sees either the old file or the whole new one, never a part. The file keeps the permissions
/// of the one it replaces; a new one gets `mode`. Errors are `OutputError`s in plain words.
public func writeAtomically(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
    try makeFolders((path as NSString).deletingLastPathComponent)
    let temporary = try writeTemporary(data, beside: path, mode: TsunagariKit.mode(replacing: path, else: mode))
    let code: Int32 = Temporaries.committing { rename(temporary, path) == 0 ? 0 : errno }
    Temporaries.remove(temporary)
    guard code == 0 else {
        unlink(temporary)
        throw writeFailure(path, code)
    }
}

/// Creates `path` and its missing ancestors (`mkdir -p`).
public func makeFolders(_ path: String) throws {
    guard !path.isEmpty else { return }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
        prefix += component + "/"
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw writeFailure(path, errno) }
    }
}

/// Writes `data` to a new temporary file in `path`'s folder with `mode`, and registers it in
/// `Temporaries`. Returns the temporary's path.
func writeTemporary(_ data: Data, beside path: String, mode keep: mode_t) throws -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary = (folder.isEmpty ? "." : folder) + "/.tsunagari-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    Temporaries.add(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else {
        Temporaries.remove(temporary)
        throw writeFailure(path, errno)
    }
    var failure: Int32 = 0
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 { if errno == EINTR { continue }; failure = errno; return }
            offset += n
        }
    }
    if failure == 0 && fchmod(fd, keep) != 0 { failure = errno }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    guard failure == 0 else {
        unlink(temporary)
        Temporaries.remove(temporary)
        throw writeFailure(path, failure)
    }
    return temporary
}

/// A file to write: its path relative to the output folder, and its bytes.
public struct NamedFile: Sendable, Equatable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        (self.path, self.data) = (path, data)
    }
}

/// Replaces a set of output files in `folder` as a whole (the report and its maps): everything is
/// written to a staging folder first; then each top-level entry (a file, or a folder such as
/// `maps/`) is swapped in by renaming, the old one removed. An interruption before the swap
/// leaves the old set; the swap itself is not interrupted.
public func replaceAsWhole(_ files: [NamedFile], in folder: String, mode: mode_t) throws {
    try makeFolders(folder)
    let staging = (folder as NSString).appendingPathComponent(".tsunagari-\(getpid())-staging")
    Temporaries.add(staging)
    defer {
        try? FileManager.default.removeItem(atPath: staging)
        Temporaries.remove(staging)
    }
    let new = (staging as NSString).appendingPathComponent("new"),
        old = (staging as NSString).appendingPathComponent("old")
    try makeFolders(old)
    for file in files {
        let (path, data) = (file.path, file.data)
        let target = (new as NSString).appendingPathComponent(path),
            current = (folder as NSString).appendingPathComponent(path)
        try makeFolders((target as NSString).deletingLastPathComponent)
        // A file already in the output keeps its permissions.
        let temporary = try writeTemporary(
            data, beside: target, mode: TsunagariKit.mode(replacing: current, else: mode))
        Temporaries.remove(temporary)  // inside the staging folder, which is registered
        guard rename(temporary, target) == 0 else { throw writeFailure(current, errno) }
    }
    let entries = Set(files.map { String($0.path.split(separator: "/")[0]) }).sorted()
    try Temporaries.committing {
        for entry in entries {
            let place = (folder as NSString).appendingPathComponent(entry),
                fresh = (new as NSString).appendingPathComponent(entry)
            // A file is replaced by one rename; a folder is moved aside first (rename cannot
            // replace a folder that has files).
            var info = stat()
            if lstat(fresh, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && access(place, F_OK) == 0,
                rename(place, (old as NSString).appendingPathComponent(entry)) != 0
            {
                throw writeFailure(place, errno)
            }
            guard rename(fresh, place) == 0 else { throw writeFailure(place, errno) }
        }
    }
}
