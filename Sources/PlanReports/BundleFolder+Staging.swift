import Dispatch
import Foundation

/// Writing a bundle in two steps: every file into a staging folder beside the target first, then
/// moved into place, so a failure while writing leaves the target as it was.
///
///     let staged = try folder.stage(files, replacing: .bundle)   // may fail: nothing in the target
///     defer { folder.discard(staged) }
///     try ledger.commit(…)                                       // may fail: staging discarded
///     let outcome = try folder.moveIntoPlace(staged)            // renames within one file system
extension BundleFolder {
    /// Files written into a staging folder, ready to move into the bundle's folder.
    public struct Staged: Sendable, Hashable {
        /// The staging folder, a hidden sibling of the bundle's folder.
        public var staging: String
        /// The files' paths relative to the folder.
        public var paths: [String]
        /// Which earlier files they replace.
        public var replaced: Replaced
        /// The highest folder staging had to create (the target's missing parents), if any, removed
        /// again when the bundle never arrives.
        public var createdFolder: String?
        /// The UTF-8 bytes of the files, in all.
        public var bytes: Int
    }

    /// Checks that the folder takes the files and writes them into a new staging folder beside it.
    ///
    /// - Throws: ``PlanReportError`` of kind ``PlanReportError/Kind/refusedFolder`` as
    ///   ``write(_:replacing:)`` does, or of kind ``PlanReportError/Kind/failure`` naming the path and
    ///   the cause in plain words when a file cannot be written; nothing is left behind either way.
    public func stage(_ files: [BundleFile], replacing replaced: Replaced) throws(PlanReportError) -> Staged {
        _ = try survey(Set(files.map(\.path)), replacing: replaced)
        let root = URL(fileURLWithPath: path)
        let parent = root.deletingLastPathComponent()
        let createdFolder = Self.firstMissingFolder(parent)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PlanReportError(
                message: "\(parent.relativePath): error: cannot create the folder: \(Self.plainWords(error));"
                    + " nothing was written")
        }
        let staging = parent.appendingPathComponent(".\(root.lastPathComponent).lineplan-staging-\(UUIDText.make())")
        var staged = Staged(
            staging: staging.path, paths: files.map(\.path), replaced: replaced, createdFolder: createdFolder?.path,
            bytes: files.reduce(0) { $0 + $1.contents.utf8.count })
        do {
            try Self.writeStaged(files, into: staging)
        } catch {
            discard(staged)
            throw PlanReportError(message: error.message + "; nothing was written", kind: error.kind)
        }
        staged.paths.sort()
        return staged
    }

    /// Writes files into a new staging folder: each folder created once, then the files on every core.
    ///
    /// The files are independent and the folder is LinePlan's own until it is moved into place, so each
    /// is written straight (no temporary file and rename per file) and in parallel; the first failure,
    /// in the files' order, is reported.
    ///
    /// - Complexity: O(*f*) file writes and O(*d*) folders for *f* files in *d* folders.
    private static func writeStaged(_ files: [BundleFile], into staging: URL) throws(PlanReportError) {
        var folders: Set<String> = [staging.path]
        for file in files {
            folders.insert(staging.appendingPathComponent(file.path).deletingLastPathComponent().path)
        }
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw PlanReportError(
                    message: "\(folder): error: cannot create the folder: \(Self.plainWords(error))")
            }
        }
        let failures = StagingFailures()
        let base = staging.path + "/"
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do throws(PlanReportError) {
                try Self.writeNew(files[index].contents, atPath: base + files[index].path)
            } catch {
                failures.record(error, at: index)
            }
        }
        if let first = failures.first { throw first }
    }

    /// Writes a new file straight, with one `write` call per chunk and no flush to the disk.
    ///
    /// The staging folder is LinePlan's own until it moves into place, so a file needs no temporary
    /// twin, and the kernel writes it out in its own time: waiting for each file to reach the disk
    /// (`fsync`, which Foundation's `Data.write` does) cost most of a 10,000-site bundle's time.
    ///
    /// - Complexity: O(*n*) in the file's UTF-8 bytes, without copying them.
    private static func writeNew(_ text: String, atPath path: String) throws(PlanReportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw PlanReportError(message: "\(path): error: cannot write: \(Self.errnoWords(errno))")
        }
        var text = text
        let failure: Int32? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closed = close(descriptor) == 0 ? nil : errno
        if let number = failure ?? closed {
            throw PlanReportError(message: "\(path): error: cannot write: \(Self.errnoWords(number))")
        }
    }

    /// Moves staged files into the folder, removes the earlier bundle's files that are not written
    /// again, and records the manifest.
    ///
    /// - Returns: The paths written and removed.
    /// - Throws: ``PlanReportError`` when the folder now holds a foreign file, or a file cannot be
    ///   moved (the cause in plain words, with the path).
    public func moveIntoPlace(_ staged: Staged) throws(PlanReportError) -> Outcome {
        let newPaths = Set(staged.paths)
        let (earlier, kept, stale) = try survey(newPaths, replacing: staged.replaced)
        let root = URL(fileURLWithPath: path)
        let staging = URL(fileURLWithPath: staged.staging)
        try writeManifest(earlier.union(newPaths), in: root)
        var created: Set<String> = []
        for relative in staged.paths {
            let target = root.appendingPathComponent(relative)
            let folder = target.deletingLastPathComponent()
            do {
                if created.insert(folder.path).inserted {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                }
            } catch {
                throw PlanReportError(
                    message: "\(folder.relativePath): error: cannot create the folder: " + Self.plainWords(error))
            }
            if rename(staging.appendingPathComponent(relative).path, target.path) != 0 {
                throw PlanReportError(
                    message: "\(target.relativePath): error: cannot move into place: \(Self.errnoWords(errno))")
            }
        }
        for relative in stale {
            try Self.remove(relative, in: root)
        }
        try writeManifest(kept.union(newPaths), in: root)
        return Outcome(written: staged.paths, removed: stale, bytes: staged.bytes)
    }

    /// Removes the staging folder, and the folders staging created when the bundle never arrived.
    public func discard(_ staged: Staged) {
        try? FileManager.default.removeItem(atPath: staged.staging)
        if let created = staged.createdFolder, !FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: created)
        }
    }

    /// The highest missing folder on the way to `folder`, or `nil` when it exists.
    private static func firstMissingFolder(_ folder: URL) -> URL? {
        var missing: URL?
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) {
            missing = current
            let parent = current.deletingLastPathComponent()
            guard parent.path != current.path else { break }
            current = parent
        }
        return missing
    }

    /// An I/O error in plain words ("no space left on device", "not a directory"), never a
    /// Foundation domain and code.
    static func plainWords(_ error: any Error) -> String {
        let object = error as NSError
        if let underlying = object.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return errnoWords(Int32(underlying.code))
        }
        if object.domain == NSPOSIXErrorDomain { return errnoWords(Int32(object.code)) }
        if object.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: object.code) {
            case .fileWriteOutOfSpace: return "no space left on device"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteFileExists: return "a file is in the way"
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "not a valid file name"
            default: return "the file system refused (error \(object.code))"
            }
        }
        return object.localizedDescription
    }

    /// The C library's words for an error number, lower-cased.
    static func errnoWords(_ number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text).lowercased()
    }
}

/// Random names for staging folders.
private enum UUIDText {
    static func make() -> String { UUID().uuidString.lowercased() }
}

/// The failures of a parallel write, by file index, so the first in the files' order is reported.
private final class StagingFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [Int: PlanReportError] = [:]

    /// Records the failure of the file at `index`.
    func record(_ error: PlanReportError, at index: Int) {
        lock.lock()
        failures[index] = error
        lock.unlock()
    }

    /// The failure of the lowest index, if any.
    var first: PlanReportError? {
        lock.lock()
        defer { lock.unlock() }
        return failures.keys.min().flatMap { failures[$0] }
    }
}
