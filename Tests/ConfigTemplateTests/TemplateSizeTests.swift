import ConfigTemplate
import Testing

/// Templates that are large or deeply nested (issue 13, found by the template fuzz target): a long line
/// of tags reads in linear time; deep nesting and nested `{{#each}}` are known issues, disabled below until
/// the template reader has its bounds.
@Suite struct TemplateSizeTests {
    @Test func aLineOfThirtyThousandTagsIsReadAndItsLastErrorPlaced() {
        // Each tag's column was counted from the line's start: quadratic, minutes for this line.
        let source = String(repeating: "汉{{ a }}", count: 30_000) + "{{ }}"
        #expect(throws: TemplateError.self) { try Template(name: "long", source: source) }
        do {
            _ = try Template(name: "long", source: source)
        } catch {
            #expect(error.code == .emptyName)
            #expect(error.line == 1)
            #expect(error.column == 30_000 * 8 + 1)
        }
    }

    @Test func columnsAfterAMultiLineCommentCountFromItsLastLine() {
        do {
            _ = try Template(name: "comment", source: "ab {{! one\ntwo }} 汉 {{ }}")
            Issue.record("the empty tag was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 10)
        }
    }

    /// Sections nest 32 deep, and the 33rd opening tag is refused where it stands.
    ///
    /// Each `{{#if x}}` is 9 characters, so the 33rd starts at column 32 × 9 + 1 = 289. 60,000 deep
    /// overflowed the stack before the bound.
    @Test func deepNestingIsRefusedAtItsLimit() throws {
        let deep = String(repeating: "{{#if x}}", count: 60_000) + "y" + String(repeating: "{{/if}}", count: 60_000)
        let error = #expect(throws: TemplateError.self) { try Template(name: "deep", source: deep) }
        #expect(
            error
                == TemplateError(
                    code: .nestedTooDeep, template: "deep", line: 1, column: 289,
                    message: "'{{#if x}}' opens a section 33 deep; sections nest at most 32 deep"))

        let limit = String(repeating: "{{#if x}}", count: 32) + "y" + String(repeating: "{{/if}}", count: 32)
        #expect(try Template(name: "limit", source: limit).render(["x": true]) == "y")
        let over = String(repeating: "{{#if x}}", count: 33) + "y" + String(repeating: "{{/if}}", count: 33)
        #expect(throws: TemplateError.self) { try Template(name: "over", source: over) }
    }

    /// `{{#each}}` nests 4 deep: the fuzzer's seed, thirty loops over two tunnels (2^31 − 2 bodies), is refused
    /// at its fifth loop (column 4 × 17 + 1 = 69), and four loops in `{{#if}}` sections render.
    @Test func nestedEachIsRefusedPastFourLoops() throws {
        let seed = String(repeating: "{{#each tunnels}}", count: 30) + "x" + String(repeating: "{{/each}}", count: 30)
        let error = #expect(throws: TemplateError.self) { try Template(name: "seed", source: seed) }
        #expect(
            error
                == TemplateError(
                    code: .nestedTooDeep, template: "seed", line: 1, column: 69,
                    message: "'{{#each tunnels}}' opens a loop 5 deep; '{{#each}}' nests at most 4 deep"))
        let four =
            "{{#if x}}" + String(repeating: "{{#each t}}", count: 4) + "y" + String(repeating: "{{/each}}", count: 4)
            + "{{/if}}"
        #expect(
            try Template(name: "four", source: four).render(["x": true, "t": [1, 2]])
                == String(repeating: "y", count: 16))
    }

    /// A render runs at most 1,000,000 `{{#each}}` bodies.
    ///
    /// Over 1,100 items, the outer loop counts 1,100 and each inner loop 1,100 more: after *k* inner loops
    /// 1,100 + 1,100*k*, 999,900 at *k* = 908 and past 1,000,000 at 909, so the 909th inner loop is refused at
    /// its tag (column 12); over 999 items, 999 + 999 × 999 = 999,000 bodies run.
    @Test func nestedEachIsRefusedPastItsIterations() throws {
        let template = try Template(name: "each", source: "{{#each a}}{{#each a}}{{/each}}.{{/each}}")
        let error = #expect(throws: TemplateError.self) {
            try template.render(["a": .list(Array(repeating: 1, count: 1_100))])
        }
        #expect(
            error
                == TemplateError(
                    code: .tooManyIterations, template: "each", line: 1, column: 12,
                    message: "'{{#each a}}' would run its body more than 1000000 times in this render; "
                        + "a template loops at most that often"))
        #expect(try template.render(["a": .list(Array(repeating: 1, count: 999))]).count == 999)
    }
}
