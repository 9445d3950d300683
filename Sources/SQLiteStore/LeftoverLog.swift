#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A write-ahead log found beside a database file when no other LinePlan process has it open, and the check
/// that it is that database's own before SQLite may apply it.
///
/// SQLite applies any valid `-wal` file it finds beside a database on the first open, whichever database wrote
/// it. A log left by a crash must be applied; one copied or renamed from another database must not. The check
/// works on copies in a private temporary folder: the file alone, and the file with the log applied, must agree
/// on `application_id`, on the caller's identity (read with `identityQuery`), and pass `PRAGMA quick_check`.
enum LeftoverLog {
    /// Checks the log beside `path`, if there is one with content.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - identityQuery: A query answering one text value that differs between databases, or `nil`.
    /// - Throws: ``SQLiteError`` with ``SQLiteError/Code/foreignLog`` when the log is not the file's own.
    /// - Complexity: Copies the file and its log once.
    static func check(beside path: String, identityQuery: String?) throws(SQLiteError) {
        let log = path + "-wal"
        guard fileSize(log) > 0 else { return }
        guard let folder = makeTemporaryFolder() else { return }
        defer { removeFolder(folder) }
        let copy = folder + "/copy.sqlite"
        guard copyFile(path, to: copy) else { return }
        let alone = identity(of: copy, identityQuery: identityQuery)
        unlink(copy + "-wal")
        unlink(copy + "-shm")
        guard copyFile(log, to: copy + "-wal") else { return }
        let applied = identity(of: copy, identityQuery: identityQuery)
        let problem: String?
        switch (alone, applied) {
        case (.unreadable, _):
            problem = nil  // the file alone cannot be read: opening it reports that in its own words
        case (.read, .unreadable(let reason)):
            problem = reason
        case (.read(let before), .read(let after)):
            if before.applicationID != 0, before.applicationID != after.applicationID {
                problem = "it would change the application_id from \(before.applicationID) to \(after.applicationID)"
            } else if let identity = before.identity, identity != after.identity {
                problem = "it was written by another database (identity \(after.identity ?? "none"), not \(identity))"
            } else if !after.problems.isEmpty {
                problem = "applied, it would break the file: " + after.problems.prefix(2).joined(separator: "; ")
            } else {
                problem = nil
            }
        }
        if let problem {
            throw SQLiteError(
                code: .foreignLog,
                message: "'\(log)' is not the write-ahead log of '\(path)' (\(problem)); it was not applied and "
                    + "nothing was changed: move it away if it does not belong there",
                path: path)
        }
    }

    /// A copy read, or why it could not be.
    enum Reading {
        case read(Identity)
        case unreadable(String)
    }

    /// What a copy says about itself.
    struct Identity {
        var applicationID: Int32
        var identity: String?
        var problems: [String]
    }

    private static func identity(of copy: String, identityQuery: String?) -> Reading {
        do throws(SQLiteError) {
            let database = try Database(path: copy, mode: .readWrite, checkingLeftoverLog: false)
            var identity: String?
            if let identityQuery, case .text(let text)? = try? database.query(identityQuery).first?[0] {
                identity = text
            }
            return .read(
                Identity(
                    applicationID: try database.applicationID(), identity: identity,
                    problems: try database.quickCheck()))
        } catch {
            return .unreadable(error.message.replacing(copy, with: "the copy"))
        }
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return -1 }
        return Int(info.st_size)
    }

    private static func makeTemporaryFolder() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/lineplan-wal-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let start = buffer.baseAddress, mkdtemp(start) != nil else { return nil }
            return String(cString: start)
        }
    }

    private static func removeFolder(_ folder: String) {
        for name in ["copy.sqlite", "copy.sqlite-wal", "copy.sqlite-shm", "copy.sqlite-journal"] {
            unlink(folder + "/" + name)
        }
        rmdir(folder)
    }

    /// Copies a file byte for byte; `false` when it cannot be read or written.
    private static func copyFile(_ source: String, to target: String) -> Bool {
        guard let input = fopen(source, "rb") else { return false }
        defer { fclose(input) }
        guard let output = fopen(target, "wb") else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var ok = true
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, input) }
            if count == 0 { break }
            let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, count, output) }
            if written != count {
                ok = false
                break
            }
        }
        if ferror(input) != 0 { ok = false }
        return fclose(output) == 0 && ok
    }
}

/// An advisory lock (`flock`) on the database file, held by every LinePlan connection for its lifetime.
///
/// Shared while open; exclusive only for the moment of the first open, so the process that checks a leftover
/// log knows no other LinePlan process is using the file. `flock` locks are separate from SQLite's POSIX
/// locks, so closing this descriptor never drops SQLite's.
final class OpeningLock {
    private let descriptor: Int32

    /// Takes the lock, exclusive when no one else holds it.
    ///
    /// Otherwise the lock is shared, waiting for an exclusive holder to finish its check. `nil` when the file
    /// cannot be opened (SQLite then reports why).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            isAlone = true
        } else {
            isAlone = false
            while flock(descriptor, LOCK_SH) != 0, errno == EINTR {}
        }
    }

    /// Whether the lock was taken exclusive: no other LinePlan process had the file open.
    let isAlone: Bool

    /// Turns an exclusive lock shared, once the connection is open.
    func share() {
        guard isAlone else { return }
        while flock(descriptor, LOCK_SH) != 0, errno == EINTR {}
    }

    deinit {
        close(descriptor)
    }
}
