import ConfigTemplate
import Foundation
import Testing

@Suite struct TemplateLibraryTests {
    /// Makes a fresh temporary directory holding `files` (name → bytes) and returns its path.
    private func makeDirectory(_ files: [String: [UInt8]]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ConfigTemplateTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        return directory.path
    }

    private func removeDirectory(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func loadsTmplFilesFromADirectory() throws {
        let directory = try makeDirectory([
            "ios-apn.tmpl": Array("hostname {{ hostname }}\n{{> ios-footer}}\n".utf8),
            "ios-footer.tmpl": Array("!\nend\n".utf8),
            "bom.tmpl": [0xEF, 0xBB, 0xBF] + Array("sysname {{ hostname }}".utf8),
            "README.txt": Array("not a template {{".utf8),
        ])
        defer { removeDirectory(directory) }
        let library = try TemplateLibrary(directory: directory)
        #expect(library.names == ["bom", "ios-apn", "ios-footer"])
        expectLines(
            try library.render("ios-apn", ["hostname": "APN-CPE-01"]),
            """
            hostname APN-CPE-01
            !
            end

            """
        )
        #expect(try library.render("bom", ["hostname": "R1"]) == "sysname R1")
        #expect(library.template(named: "ios-footer")?.name == "ios-footer")
        #expect(library.template(named: "README") == nil)
    }

    @Test func errorsFromFilesCarryTheFileName() throws {
        let directory = try makeDirectory(["ios-apn.tmpl": Array("hostname {{ hostname }}\n{{/if}}\n".utf8)])
        defer { removeDirectory(directory) }
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(directory: directory)
        }
        #expect(error?.description == "ios-apn.tmpl:2:1: error: '{{/if}}' without an open section")
    }

    @Test func renderErrorsFromFilesCarryTheFileName() throws {
        let directory = try makeDirectory([
            "ios-apn.tmpl": Array("interface Tunnel0\n  {{ tunnel.destination }}\n".utf8)
        ])
        defer { removeDirectory(directory) }
        let library = try TemplateLibrary(directory: directory)
        let error = #expect(throws: TemplateError.self) {
            _ = try library.render("ios-apn", ["tunnel": ["source": "FastEthernet0/0"]])
        }
        #expect(
            error?.description
                == "ios-apn.tmpl:2:3: error: undefined variable 'tunnel.destination' (no key 'destination' in 'tunnel')"
        )
    }

    @Test func refusesFilesOverOneMebibyte() throws {
        let directory = try makeDirectory([
            "big.tmpl": Array(repeating: UInt8(ascii: "x"), count: TemplateLibrary.maximumFileSize + 1),
            "fits.tmpl": Array(repeating: UInt8(ascii: "x"), count: TemplateLibrary.maximumFileSize),
        ])
        defer { removeDirectory(directory) }
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(directory: directory)
        }
        #expect(
            error
                == TemplateError(
                    code: .tooLarge, template: "big.tmpl", line: 0, column: 0,
                    message: "the template file has 1048577 bytes; the limit is 1048576 bytes (1 MiB)"))
    }

    @Test func refusesFilesThatAreNotUTF8() throws {
        let directory = try makeDirectory(["latin1.tmpl": Array("description caf".utf8) + [0xE9, 0x0A]])
        defer { removeDirectory(directory) }
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(directory: directory)
        }
        #expect(
            error
                == TemplateError(
                    code: .notUTF8, template: "latin1.tmpl", line: 0, column: 0,
                    message: "the template file is not valid UTF-8 (first bad byte at offset 15)"))
    }

    @Test func missingDirectoryIsUnreadable() {
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(directory: "/nonexistent/templates")
        }
        #expect(
            error
                == TemplateError(
                    code: .unreadable, template: "/nonexistent/templates", line: 0, column: 0,
                    message: "cannot list the template directory '/nonexistent/templates'"))
    }

    @Test func emptyDirectoryMakesAnEmptyLibrary() throws {
        let directory = try makeDirectory([:])
        defer { removeDirectory(directory) }
        #expect(try TemplateLibrary(directory: directory).names.isEmpty)
    }
}
