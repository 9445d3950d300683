#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension TemplateLibrary {
    /// The largest template file, in bytes, that ``init(directory:)`` reads: 1 MiB.
    public static var maximumFileSize: Int { 1 << 20 }

    /// Loads, parses and links every `*.tmpl` file in a directory (not its subdirectories).
    ///
    /// A template's name is its file name without `.tmpl`; errors carry the file name
    /// (`ios-apn.tmpl:12:5: error: ...`). A UTF-8 byte-order mark at the start of a file is dropped.
    ///
    ///     let library = try TemplateLibrary(directory: "Templates")
    ///
    /// - Parameter directory: The directory's path.
    /// - Throws: `TemplateError` `.unreadable` when the directory or a file cannot be read,
    ///   `.tooLarge` for a file over ``maximumFileSize``, `.notUTF8` for a file that is not UTF-8,
    ///   and otherwise the errors of ``init(templates:)``. Files are read in name order.
    /// - Complexity: O(*n*) for *n* bytes of templates.
    public init(directory: String) throws(TemplateError) {
        let fileManager = FileManager.default
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(
                code: .unreadable, template: directory, line: 0, column: 0,
                message: "cannot list the template directory '\(directory)'")
        }
        let directoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        var parsed: [Template] = []
        for fileName in entries.sorted() where fileName.hasSuffix(".tmpl") {
            let url = directoryURL.appendingPathComponent(fileName)
            let source = try Self.readTemplateFile(at: url, fileName: fileName)
            let name = String(fileName.dropLast(".tmpl".count))
            parsed.append(try Template(name: name, source: source, errorName: fileName))
        }
        try self.init(parsed)
    }

    /// Reads one template file as UTF-8 text, refusing large and non-UTF-8 files.
    private static func readTemplateFile(at url: URL, fileName: String) throws(TemplateError) -> String {
        let path = url.path
        let resolvedPath = url.resolvingSymlinksInPath().path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: resolvedPath),
            let size = attributes[.size] as? any BinaryInteger,
            Int(clamping: size) > maximumFileSize
        {
            throw tooLarge(fileName: fileName, size: Int(clamping: size))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TemplateError(
                code: .unreadable, template: fileName, line: 0, column: 0,
                message: "cannot read the template file '\(path)'")
        }
        guard data.count <= maximumFileSize else {
            throw tooLarge(fileName: fileName, size: data.count)
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TemplateError(
                code: .notUTF8, template: fileName, line: 0, column: 0,
                message: "the template file is not valid UTF-8 (first bad byte at offset \(invalidOffset(in: data)))")
        }
        return text
    }

    private static func tooLarge(fileName: String, size: Int) -> TemplateError {
        TemplateError(
            code: .tooLarge, template: fileName, line: 0, column: 0,
            message: "the template file has \(size) bytes; the limit is \(maximumFileSize) bytes (1 MiB)")
    }

    /// Returns the offset of the first byte that does not decode as UTF-8.
    private static func invalidOffset(in data: Data) -> Int {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }
}
