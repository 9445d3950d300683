import Foundation

/// The folder a hand-over bundle is written to, with a manifest of what LinePlan wrote there.
///
/// Writing again into the same folder leaves no stale file from an earlier plan: the files the
/// manifest lists that the new bundle does not write are removed. A folder that holds any file the
/// manifest does not list (a file LinePlan did not write, or a bundle from before manifests) is
/// refused before anything is written, so nothing of the user's is overwritten or deleted.
///
/// The manifest is the hidden file ``manifestName``: a comment line, then the bundle's paths relative
/// to the folder, one per line, sorted.
///
///     let outcome = try BundleFolder(path: "out").write(files, replacing: .bundle)
///     for path in outcome.removed { print("removed out/\(path)") }
public struct BundleFolder: Sendable, Hashable {
    /// Which earlier files a write replaces.
    public enum Replaced: Sendable, Hashable {
        /// The whole earlier bundle: `lineplan plan --out`.
        case bundle
        /// Only the configurations (`configs/…`) and the office data sheet: `lineplan render`, which
        /// leaves the plan's documents in place.
        case configurations
    }

    /// What a write did, as paths relative to the folder, sorted.
    public struct Outcome: Sendable, Hashable {
        /// The files written.
        public var written: [String]
        /// The files of the earlier bundle that the new one does not write, now removed.
        public var removed: [String]
        /// The UTF-8 bytes of the files written, in all.
        public var bytes: Int

        /// Creates an outcome.
        public init(written: [String], removed: [String], bytes: Int = 0) {
            self.written = written
            self.removed = removed
            self.bytes = bytes
        }
    }

    /// The manifest's file name inside the folder.
    public static let manifestName = ".lineplan-bundle"

    /// The manifest's first line.
    static let manifestHeader =
        "# Written by LinePlan: the files of this bundle. Writing again here removes those not written again; "
        + "add no other files."

    /// The folder's path.
    public var path: String

    /// Creates the folder's writer; nothing is touched until ``write(_:replacing:)``.
    public init(path: String) {
        self.path = path
    }

    /// Writes the files, removes the earlier bundle's files that are not written again, and records
    /// the new manifest.
    ///
    /// The manifest is first written with the earlier and the new files together, so that a run
    /// stopped half-way leaves every file LinePlan wrote listed; each file is written atomically.
    ///
    /// - Parameters:
    ///   - files: The files, with paths relative to the folder (`configs/HQ.ios.cfg`).
    ///   - replaced: Which earlier files the new ones replace.
    /// - Returns: The paths written and removed.
    /// - Throws: ``PlanReportError`` of kind ``PlanReportError/Kind/refusedFolder`` when the path is a
    ///   file or the folder holds a file LinePlan did not write (nothing is written then), else of
    ///   kind ``PlanReportError/Kind/failure`` when a file cannot be written or removed.
    /// - Complexity: O(*f* log *f*) in the files already in the folder and written.
    public func write(_ files: [BundleFile], replacing replaced: Replaced) throws(PlanReportError) -> Outcome {
        let staged = try stage(files, replacing: replaced)
        defer { discard(staged) }
        return try moveIntoPlace(staged)
    }

    /// What the folder holds now: the files LinePlan listed that are present, and what a new bundle
    /// would remove; refuses a path that is a file, a folder with a foreign file, and bad paths.
    func survey(_ newPaths: Set<String>, replacing replaced: Replaced) throws(PlanReportError) -> (
        earlier: Set<String>, kept: Set<String>, stale: [String]
    ) {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: path)
        for file in newPaths where Self.pathProblem(file) != nil || file == Self.manifestName {
            throw PlanReportError(message: "\(path): error: cannot write '\(file)' in a bundle")
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw PlanReportError(
                message: "\(path): error: is a file, not a folder; nothing was written", kind: .refusedFolder)
        }
        let present = exists ? try Self.files(in: root) : []
        let listed = present.contains(Self.manifestName) ? Self.readManifest(root) : []
        let foreign = present.filter { $0 != Self.manifestName && !listed.contains($0) }.sorted()
        if let first = foreign.first {
            let more = foreign.count > 1 ? " (and \(foreign.count - 1) more)" : ""
            throw PlanReportError(
                message: "\(path): error: the folder holds '\(first)'\(more), which LinePlan did not write; "
                    + "choose a new or empty folder, or remove it; nothing was written",
                kind: .refusedFolder)
        }
        let earlier = Set(listed).intersection(present)
        let kept = earlier.filter { replaced == .configurations && !Self.isConfiguration($0) }
        let stale = earlier.subtracting(kept).subtracting(newPaths).sorted()
        return (earlier, kept, stale)
    }

    // MARK: - Pieces

    /// Whether a path belongs to what `render` writes: `configs/…` and the office data sheet.
    static func isConfiguration(_ path: String) -> Bool {
        path.hasPrefix("configs/") || path == "office-data.md"
    }

    /// Why a relative path is not one a bundle may hold, or `nil`: not empty, not absolute, no empty,
    /// `.` or `..` component, no control character.
    static func pathProblem(_ path: String) -> String? {
        if path.isEmpty || path.hasPrefix("/") { return "not a relative path" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return "leaves the folder" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a control character"
        }
        return nil
    }

    /// Every file in the folder and its subfolders (anything that is not a folder, links included,
    /// never followed), relative to it.
    static func files(in root: URL) throws(PlanReportError) -> [String] {
        let manager = FileManager.default
        let subpaths: [String]
        do {
            subpaths = try manager.subpathsOfDirectory(atPath: root.path)
        } catch {
            throw PlanReportError(
                message: "\(root.relativePath): error: cannot list the folder: \(Self.plainWords(error))")
        }
        return subpaths.filter { relative in
            let attributes = try? manager.attributesOfItem(atPath: root.appendingPathComponent(relative).path)
            return attributes?[.type] as? FileAttributeType != .typeDirectory
        }
    }

    /// The paths the manifest lists; lines that are not a usable relative path are ignored, so the
    /// files they name count as foreign.
    static func readManifest(_ root: URL) -> [String] {
        let url = root.appendingPathComponent(manifestName)
        guard let data = try? Data(contentsOf: url), data.count <= 16 * 1024 * 1024 else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter {
            !$0.hasPrefix("#") && pathProblem($0) == nil
        }
    }

    func writeManifest(_ paths: Set<String>, in root: URL) throws(PlanReportError) {
        let text = ([Self.manifestHeader] + paths.sorted()).joined(separator: "\n") + "\n"
        try Self.write(text, to: root.appendingPathComponent(Self.manifestName))
    }

    /// Writes a file atomically (a temporary file renamed into place), creating folders.
    static func write(_ text: String, to url: URL) throws(PlanReportError) {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw PlanReportError(message: "\(url.relativePath): error: cannot write: \(Self.plainWords(error))")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw PlanReportError(message: "\(url.relativePath): error: cannot write: \(Self.plainWords(error))")
        }
    }

    /// Removes a file of the earlier bundle, then the folders it leaves empty (never the bundle's own).
    static func remove(_ relative: String, in root: URL) throws(PlanReportError) {
        let manager = FileManager.default
        let url = root.appendingPathComponent(relative)
        do {
            try manager.removeItem(at: url)
        } catch {
            throw PlanReportError(message: "\(url.relativePath): error: cannot remove: \(Self.plainWords(error))")
        }
        var components = relative.split(separator: "/").dropLast()
        while !components.isEmpty {
            let folder = root.appendingPathComponent(components.joined(separator: "/"))
            guard (try? manager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true else { return }
            try? manager.removeItem(at: folder)
            components = components.dropLast()
        }
    }
}
