import Foundation
import NetGraph

/// The folder of network snapshots (issue 17): a network file read and validated once loads from its
/// snapshot while the file's bytes stay the same.
///
/// The folder is `$LINEPLAN_CACHE_DIR`, else `$XDG_CACHE_HOME/lineplan`, else `~/.cache/lineplan`;
/// `LINEPLAN_CACHE=off` turns the cache off. A snapshot is named by the file's BLAKE2b-256, size and the
/// snapshot format's version, so an edited file or a new model misses and is read again; a snapshot
/// that does not decode is ignored (and written again). Snapshots are written atomically, only for
/// networks that validated; a folder that cannot be written is skipped without a word (except
/// under `--verbose`). The 16 most recently written snapshots are kept.
struct NetworkCache {
    /// The variable that names the cache folder.
    static let folderVariable = "LINEPLAN_CACHE_DIR"
    /// The variable that turns the cache off with `off`.
    static let switchVariable = "LINEPLAN_CACHE"
    /// How many snapshots the folder keeps.
    static let keptSnapshots = 16

    /// The folder.
    var folder: String

    /// The cache the environment asks for, or `nil` when it is off or no folder can be named.
    ///
    /// - Parameter environment: The process's environment.
    /// - Returns: The cache, or `nil`.
    static func configured(by environment: [String: String]) -> NetworkCache? {
        if environment[switchVariable]?.lowercased() == "off" { return nil }
        if let folder = environment[folderVariable], !folder.isEmpty { return NetworkCache(folder: folder) }
        // The XDG base directory rules ignore a relative XDG_CACHE_HOME.
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return NetworkCache(folder: base + "/lineplan")
        }
        if let home = environment["HOME"], !home.isEmpty { return NetworkCache(folder: home + "/.cache/lineplan") }
        return nil
    }

    /// The snapshot file of a network file.
    func path(of key: NetworkCacheKey) -> String {
        folder + "/" + key.fileName
    }

    /// The network of a file from its snapshot, or `nil` when there is none or it does not decode.
    ///
    /// - Parameters:
    ///   - key: The network file's key.
    ///   - name: The name the file is loaded under.
    /// - Returns: The network and its warnings, or `nil`.
    /// - Complexity: O(size of the snapshot).
    func load(_ key: NetworkCacheKey, name: String) -> LoadedNetwork? {
        guard let bytes = Self.readFile(path(of: key)) else { return nil }
        return NetworkSnapshot.decode(bytes, source: key, name: name)
    }

    /// Writes a network's snapshot (a temporary file renamed into place) and keeps the newest
    /// ``keptSnapshots``.
    ///
    /// - Parameters:
    ///   - loaded: A network that validated.
    ///   - key: Its file's key.
    /// - Returns: Whether the snapshot was written.
    /// - Complexity: O(size of the network).
    func store(_ loaded: LoadedNetwork, key: NetworkCacheKey) -> Bool {
        let target = path(of: key)
        let temporary = URL(fileURLWithPath: "\(folder)/.\(key.fileName).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(NetworkSnapshot.encode(loaded, source: key)).write(to: temporary)
        } catch {
            return false
        }
        guard rename(temporary.path, target) == 0 else {
            unlink(temporary.path)
            return false
        }
        prune(keeping: target)
        return true
    }

    /// Removes all but the newest ``keptSnapshots`` snapshots of the folder.
    private func prune(keeping newest: String) {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: folder) else { return }
        let snapshots = names.filter { $0.hasSuffix(".network") && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
        guard snapshots.count > Self.keptSnapshots else { return }
        let dated = snapshots.map { path in
            (path, (try? files.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keptSnapshots) where path != newest {
            try? files.removeItem(atPath: path)
        }
    }

    /// A file's bytes, or `nil` when it cannot be read.
    private static func readFile(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
