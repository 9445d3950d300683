import ConfigTemplate
import Testing

/// A template that must fail to parse, and the exact error.
struct ParseErrorCase: Sendable, CustomTestStringConvertible {
    var source: String
    var code: TemplateError.Code
    var line: Int
    var column: Int
    var message: String

    var testDescription: String { "\(code) in \(source.debugDescription)" }

    var expected: TemplateError {
        TemplateError(code: code, template: "t", line: line, column: column, message: message)
    }
}

@Suite struct TemplateErrorTests {
    // MARK: - Parse errors

    static let parseErrors: [ParseErrorCase] = [
        ParseErrorCase(
            source: "hostname R1\ninterface {{ name\n", code: .unclosedTag, line: 2, column: 11,
            message: "'{{' is not closed by '}}' on the same line"),
        ParseErrorCase(
            source: "a {{ b", code: .unclosedTag, line: 1, column: 3, message: "'{{' is not closed by '}}'"),
        ParseErrorCase(
            source: "{{ a {{ b }}", code: .unclosedTag, line: 1, column: 1,
            message: "'{{' is not closed by '}}' before the next '{{'"),
        ParseErrorCase(
            source: "x\n{{! a comment\nthat never ends\n", code: .unclosedTag, line: 2, column: 1,
            message: "'{{' is not closed by '}}'"),
        ParseErrorCase(
            source: "{{#each tunnels}}\n{{#if on}}\nx\n{{/if}}\n", code: .unclosedSection, line: 1, column: 1,
            message: "unclosed section '{{#each tunnels}}'; expected '{{/each}}'"),
        ParseErrorCase(
            source: "{{#if a}}\nx\n{{/each}}\n", code: .mismatchedClose, line: 3, column: 1,
            message: "'{{/each}}' closes '{{#if a}}' (opened at 1:1); expected '{{/if}}'"),
        ParseErrorCase(
            source: "x\n{{/if}}", code: .mismatchedClose, line: 2, column: 1,
            message: "'{{/if}}' without an open section"),
        ParseErrorCase(
            source: "x {{else}}", code: .strayElse, line: 1, column: 3,
            message: "'{{else}}' outside '{{#if}}' or '{{#unless}}'"),
        ParseErrorCase(
            source: "{{#each a}}\n{{else}}\n{{/each}}", code: .strayElse, line: 2, column: 1,
            message: "'{{else}}' in '{{#each a}}' (opened at 1:1); only '{{#if}}' and '{{#unless}}' take '{{else}}'"),
        ParseErrorCase(
            source: "{{#if a}}x{{else}}y{{else}}z{{/if}}", code: .strayElse, line: 1, column: 20,
            message: "second '{{else}}' in '{{#if a}}'; the first is at 1:11"),
        ParseErrorCase(source: "{{ }}", code: .emptyName, line: 1, column: 1, message: "empty tag '{{}}'"),
        ParseErrorCase(
            source: "{{#each }}{{/each}}", code: .emptyName, line: 1, column: 1, message: "'{{#each}}' needs a name"),
        ParseErrorCase(
            source: "  {{> }}", code: .emptyName, line: 1, column: 3, message: "'{{>}}' needs a template name"),
        ParseErrorCase(
            source: "{{^flag}}x{{/flag}}", code: .unknownTag, line: 1, column: 1,
            message: "'{{^' is not supported; write '{{#unless name}}'"),
        ParseErrorCase(
            source: "{{#with site}}", code: .unknownTag, line: 1, column: 1,
            message: "unknown section '{{#with}}'; expected '{{#each}}', '{{#if}}' or '{{#unless}}'"),
        ParseErrorCase(
            source: "{{{raw}}}", code: .unknownTag, line: 1, column: 1,
            message: "'{{{' is not supported; nothing is escaped, so write '{{ name }}'"),
        ParseErrorCase(
            source: "{{&raw}}", code: .unknownTag, line: 1, column: 1, message: "unknown tag kind '&' in '{{&raw}}'"),
        ParseErrorCase(
            source: "{{#each a}}{{/tunnels}}", code: .unknownTag, line: 1, column: 12,
            message: "unknown closing tag '{{/tunnels}}'; expected '{{/each}}', '{{/if}}' or '{{/unless}}'"),
        ParseErrorCase(
            source: "{{ a..b }}", code: .invalidName, line: 1, column: 1,
            message: "invalid name 'a..b'; empty key between dots"),
        ParseErrorCase(
            source: "{{ @foo }}", code: .invalidName, line: 1, column: 1,
            message: "invalid name '@foo'; expected '@index' or '@number'"),
        ParseErrorCase(
            source: "{{#if not on}}x{{/if}}", code: .invalidName, line: 1, column: 1,
            message: "invalid name 'not on'; write '{{#unless on}}' for a negation"),
        ParseErrorCase(
            source: "! 集团客户专线\n描述：{{ 名称 }\n", code: .unclosedTag, line: 2, column: 4,
            message: "'{{' is not closed by '}}' on the same line"),
    ]

    @Test(arguments: parseErrors)
    func parseErrorHasCodeLineColumnAndMessage(_ testCase: ParseErrorCase) {
        let error = #expect(throws: TemplateError.self) {
            _ = try Template(name: "t", source: testCase.source)
        }
        #expect(error == testCase.expected)
    }

    // MARK: - Render errors

    @Test func undefinedVariableNamesLineAndColumn() throws {
        let template = try Template(name: "ios-base", source: "hostname {{ hostname }}\n!\nbanner{{ motd }}\n")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["hostname": "R1"])
        }
        #expect(
            error
                == TemplateError(
                    code: .undefinedVariable, template: "ios-base", line: 3, column: 7,
                    message: "undefined variable 'motd'"))
        #expect(error?.description == "ios-base:3:7: error: undefined variable 'motd'")
    }

    @Test func undefinedKeyAlongAPathNamesTheParent() throws {
        let template = try Template(
            name: "ios-apn.tmpl",
            source: "interface Tunnel0\n tunnel destination {{ tunnel.destination }}\n"
        )
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["tunnel": ["source": "FastEthernet0/0"]])
        }
        #expect(
            error?.description
                == "ios-apn.tmpl:2:21: error: undefined variable 'tunnel.destination'"
                + " (no key 'destination' in 'tunnel')")

        let throughString = try Template(name: "t", source: "{{ hostname.length }}")
        let stringError = #expect(throws: TemplateError.self) {
            _ = try throughString.render(["hostname": "R1"])
        }
        #expect(
            stringError?.message == "undefined variable 'hostname.length' ('hostname' is a string, not an object)")
    }

    @Test func eachOverAStringIsNotAList() throws {
        let template = try Template(name: "t", source: "!\n  {{#each hostname}}\nx\n{{/each}}\n")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["hostname": "R1"])
        }
        #expect(
            error
                == TemplateError(
                    code: .notAList, template: "t", line: 2, column: 3,
                    message: "'{{#each hostname}}' needs a list, but 'hostname' is a string"))
    }

    @Test func ifOverAStringIsNotABool() throws {
        let template = try Template(name: "t", source: "{{#if hostname}}x{{/if}}")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["hostname": "R1"])
        }
        #expect(
            error
                == TemplateError(
                    code: .notABool, template: "t", line: 1, column: 1,
                    message: "'{{#if hostname}}' needs a bool, but 'hostname' is a string"))

        let unless = try Template(name: "t", source: "x\n {{#unless keepalive}}{{/unless}}")
        let unlessError = #expect(throws: TemplateError.self) {
            _ = try unless.render(["keepalive": 10])
        }
        #expect(
            unlessError
                == TemplateError(
                    code: .notABool, template: "t", line: 2, column: 2,
                    message: "'{{#unless keepalive}}' needs a bool, but 'keepalive' is a number"))
    }

    @Test func ifOverAMissingKeyIsUndefined() throws {
        let template = try Template(name: "t", source: "{{#if unnumbered}}x{{/if}}")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render([:])
        }
        #expect(
            error
                == TemplateError(
                    code: .undefinedVariable, template: "t", line: 1, column: 1,
                    message: "undefined variable 'unnumbered'"))
    }

    @Test(arguments: [
        ("tunnels", "a list"), ("unnumbered", "a bool"), ("site", "an object"),
    ])
    func onlyStringsAndNumbersAreText(name: String, kind: String) throws {
        let template = try Template(name: "t", source: "x {{ \(name) }}")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["tunnels": [], "unnumbered": true, "site": ["name": "A"]])
        }
        #expect(
            error
                == TemplateError(
                    code: .notText, template: "t", line: 1, column: 3,
                    message: "'{{ \(name) }}' needs a string or a number, but '\(name)' is \(kind)"))
    }

    @Test func indexOutsideEachIsUndefined() throws {
        let template = try Template(name: "t", source: "Tunnel{{ @index }}")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render([:])
        }
        #expect(error?.code == .undefinedVariable)
        #expect(error?.message == "undefined variable '@index' (not inside '{{#each}}')")
    }

    @Test func failureInALaterItemReturnsNothing() throws {
        let template = try Template(name: "t", source: "{{#each items}}{{ a }}{{/each}}")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render(["items": [["a": "1"], [:]]])
        }
        #expect(
            error
                == TemplateError(
                    code: .undefinedVariable, template: "t", line: 1, column: 16, message: "undefined variable 'a'"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let template = try Template(name: "t", source: "! 集团客户\ndescription 北京火车站机房 {{ missing }}\n")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render([:])
        }
        #expect(
            error
                == TemplateError(
                    code: .undefinedVariable, template: "t", line: 2, column: 21,
                    message: "undefined variable 'missing'"))

        let combining = #expect(throws: TemplateError.self) {
            _ = try Template(name: "t", source: "e\u{301}{{ x")
        }
        #expect(combining?.column == 2)
    }

    // MARK: - Includes

    @Test func includeOfAMissingTemplateFailsTheLibrary() {
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(templates: ["a": "x\n{{> b}}\n"])
        }
        #expect(
            error
                == TemplateError(
                    code: .unknownTemplate, template: "a", line: 2, column: 1,
                    message: "unknown template 'b' in '{{> b}}'"))
    }

    @Test func includeWithoutALibraryFails() throws {
        let template = try Template(name: "t", source: "hostname R1\n{{> footer}}\n")
        let error = #expect(throws: TemplateError.self) {
            _ = try template.render([:])
        }
        #expect(
            error
                == TemplateError(
                    code: .unknownTemplate, template: "t", line: 2, column: 1,
                    message: "'{{> footer}}' needs a template library, and none was given"))
    }

    @Test func renderingAnUnknownNameFails() throws {
        let library = try TemplateLibrary(templates: ["a": "x", "b": "y"])
        let error = #expect(throws: TemplateError.self) {
            _ = try library.render("c", [:])
        }
        #expect(
            error
                == TemplateError(
                    code: .unknownTemplate, template: "c", line: 0, column: 0,
                    message: "unknown template 'c'; the library has a, b"))
        #expect(error?.description == "c: error: unknown template 'c'; the library has a, b")
    }

    @Test func includeCycleIsReportedAtTheClosingInclude() {
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(templates: ["a": "x\n{{> b}}\n", "b": "  {{> a}}\n"])
        }
        #expect(
            error
                == TemplateError(
                    code: .includeCycle, template: "b", line: 1, column: 3, message: "include cycle: a -> b -> a"))

        let selfError = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(templates: ["loop": "{{> loop}}"])
        }
        #expect(selfError?.message == "include cycle: loop -> loop")
    }

    /// Issue 16: 11 templates, each including the next twice, would render 2^10 copies of the last.
    ///
    /// Counting by hand from the end of the chain, t(10−j) expands 2^(j+1) − 2 includes: t02 expands
    /// 510, so t01's first include makes 511 and its second 1,022, past 1,000, and linking stops there.
    @Test func aSelfMultiplyingIncludeChainIsRefusedWhenLinked() {
        var sources: [String: String] = [:]
        for level in 0...10 {
            let name = level < 10 ? "t0\(level)" : "t\(level)"
            let next = level + 1 < 10 ? "t0\(level + 1)" : "t\(level + 1)"
            sources[name] = level == 10 ? "leaf\n" : "{{> \(next)}}{{> \(next)}}"
        }
        let error = #expect(throws: TemplateError.self) {
            _ = try TemplateLibrary(templates: sources)
        }
        #expect(
            error
                == TemplateError(
                    code: .tooManyIncludes, template: "t01", line: 1, column: 10,
                    message:
                        "rendering 't01' would expand more than 1000 includes by '{{> t02}}'; "
                        + "a template may include others, but not multiply them"))

        // The chain's last nine templates expand 2^9 − 2 = 510 at the top and link; ten (1,022) do not.
        let nine = sources.filter { $0.key >= "t02" }
        #expect(throws: Never.self) { _ = try TemplateLibrary(templates: nine) }
        let ten = sources.filter { $0.key >= "t01" }
        #expect(throws: TemplateError.self) { _ = try TemplateLibrary(templates: ten) }
    }

    /// Includes chain 16 deep: c00 … c15 link, and c15's include of c16 is the 17th and is refused there.
    @Test func aLongIncludeChainIsRefusedWhenLinked() throws {
        func chain(_ length: Int) -> [String: String] {
            var sources: [String: String] = [:]
            for level in 0..<length {
                let name = level < 10 ? "c0\(level)" : "c\(level)"
                let next = level + 1 < 10 ? "c0\(level + 1)" : "c\(level + 1)"
                sources[name] = level == length - 1 ? "end" : "a{{> \(next)}}"
            }
            return sources
        }
        let sixteen = try TemplateLibrary(templates: chain(16))
        #expect(try sixteen.render("c00", [:]) == String(repeating: "a", count: 15) + "end")
        let error = #expect(throws: TemplateError.self) { _ = try TemplateLibrary(templates: chain(17)) }
        #expect(error?.code == .nestedTooDeep)
        #expect(error?.template == "c15")
        #expect(error?.column == 2)
        #expect(error?.message.hasPrefix("'{{> c16}}' includes a template 17 deep (c00 -> c01 -> ") == true)
        #expect(error?.message.hasSuffix("c15 -> c16); includes nest at most 16 deep") == true)
    }

    /// A `{{#each}}` over 20,000 values of 1 KiB stops at the value that passes 16 MiB.
    ///
    /// That is after the 16,385th write (16,385 × 1,024 > 16,777,216), at that value's tag.
    @Test func aRenderPastTheBoundStopsWithALocatedError() {
        let value = TemplateValue.object(["x": .string(String(repeating: "a", count: 1_024))])
        let context = TemplateValue.object(["items": .list(Array(repeating: value, count: 20_000))])
        let error = #expect(throws: TemplateError.self) {
            _ = try Template(name: "big", source: "{{#each items}}{{ x }}{{/each}}").render(context)
        }
        #expect(
            error
                == TemplateError(
                    code: .outputTooLarge, template: "big", line: 1, column: 16,
                    message: "the rendered text passed 16 MiB here; a template renders at most that much"))
        let fits = TemplateValue.object(["items": .list(Array(repeating: value, count: 16_384))])
        let rendered = try? Template(name: "big", source: "{{#each items}}{{ x }}{{/each}}").render(fits)
        #expect(rendered?.utf8.count == 16_777_216)
    }

    @Test func errorsInPartialsNameThePartial() throws {
        let library = try TemplateLibrary(templates: ["main": "x\n  {{> part}}\n", "part": "ok\n{{ missing }}\n"])
        let error = #expect(throws: TemplateError.self) {
            _ = try library.render("main", [:])
        }
        #expect(
            error
                == TemplateError(
                    code: .undefinedVariable, template: "part", line: 2, column: 1,
                    message: "undefined variable 'missing'"))
    }

    @Test func templateNamesMustBeUsable() {
        let empty = #expect(throws: TemplateError.self) {
            _ = try Template(name: "", source: "x")
        }
        #expect(empty?.code == .emptyName)
        #expect(empty?.description == "error: a template needs a name")

        let spaced = #expect(throws: TemplateError.self) {
            _ = try Template(name: "ios apn", source: "x")
        }
        #expect(spaced?.code == .invalidName)
    }
}
