import Foundation
import LocatedJSON

/// Reading input files and writing output, kept in one place.
enum FileAccess {
    /// Reads a file's bytes, refusing a missing file, a folder, and anything above the size limit
    /// before reading it.
    static func read(_ path: String, limit: Int = JSONDocument.maximumSize) throws(CommandFailure) -> [UInt8] {
        if path == standardInput { return try readStandardInput(limit: limit) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(.dataError, ["\(path): error: no such file"])
        }
        guard !isDirectory.boolValue else {
            throw CommandFailure(.dataError, ["\(path): error: is a folder, not a file"])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else {
            throw CommandFailure(
                .dataError,
                [
                    "\(path):1:1: error: the file is \(size / (1024 * 1024)) MiB, above the \(limit / (1024 * 1024)) MiB limit"
                ])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure(.dataError, ["\(path): error: cannot be read (permission denied?)"])
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw CommandFailure(.dataError, ["\(path):1:1: error: the file is above the size limit"])
            }
            return [UInt8](data)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.dataError, ["\(path): error: cannot be read: \(error.localizedDescription)"])
        }
    }

    /// The path that means standard input (or output, where a command writes a file).
    static let standardInput = "-"

    /// The name diagnostics give a path: `<stdin>` for standard input, else the path.
    static func displayName(_ path: String) -> String {
        path == standardInput ? "<stdin>" : path
    }

    /// Reads all of standard input, refusing more than the limit.
    private static func readStandardInput(limit: Int) throws(CommandFailure) -> [UInt8] {
        do {
            var bytes: [UInt8] = []
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes += chunk
                guard bytes.count <= limit else {
                    throw CommandFailure(
                        .dataError,
                        ["<stdin>:1:1: error: standard input is above the \(limit / (1024 * 1024)) MiB limit"])
                }
            }
            return bytes
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.dataError, ["<stdin>: error: cannot be read: \(error.localizedDescription)"])
        }
    }

    /// Writes text to standard output.
    static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes bytes to standard output, without copying them.
    static func printOut(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            // Data only reads the bytes, and only during the call.
            FileHandle.standardOutput.write(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
        }
    }

    /// Writes lines to standard error.
    static func printError(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes a file atomically (a temporary file renamed into place), creating folders.
    static func write(_ text: String, to path: String) throws(CommandFailure) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure(.failure, ["\(path): error: cannot write: \(error.localizedDescription)"])
        }
    }
}
