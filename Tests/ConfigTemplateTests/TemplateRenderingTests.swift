import ConfigTemplate
import Testing

@Suite struct TemplateRenderingTests {
    // MARK: - Variables

    @Test func rendersStringsAndNumbers() throws {
        let template = try Template(
            name: "vars",
            source: "hostname {{ hostname }}\nkeepalive {{keepalive}} {{ retries }}\noffset {{ offset }} {{ zero }}\n"
        )
        let text = try template.render([
            "hostname": "APN-CPE-01", "keepalive": 10, "retries": 3, "offset": -42, "zero": 0,
        ])
        expectLines(
            text,
            """
            hostname APN-CPE-01
            keepalive 10 3
            offset -42 0

            """
        )
    }

    @Test func rendersDottedPaths() throws {
        let template = try Template(
            name: "paths",
            source: "interface {{ site.wan.interface }}\n ip address {{ site.wan.address }} {{ site.wan.mask }}\n"
        )
        let context: TemplateValue = [
            "site": [
                "wan": ["interface": "FastEthernet0/0", "address": "10.10.10.2", "mask": "255.255.255.252"]
            ]
        ]
        expectLines(
            try template.render(context),
            """
            interface FastEthernet0/0
             ip address 10.10.10.2 255.255.255.252

            """
        )
    }

    @Test func leavesTextAloneWithoutEscaping() throws {
        let template = try Template(name: "raw", source: "banner motd {{ banner }}\n")
        #expect(try template.render(["banner": "#<Authorized & only>\"#"]) == "banner motd #<Authorized & only>\"#\n")
    }

    @Test func rendersUnicodeText() throws {
        let template = try Template(name: "unicode", source: "description {{ room }} 机房\n")
        #expect(try template.render(["room": "北京火车站"]) == "description 北京火车站 机房\n")
    }

    // MARK: - Each

    @Test func iteratesWithIndexAndNumber() throws {
        let template = try Template(
            name: "each",
            source: """
                {{#each tunnels}}
                interface Tunnel{{ @index }}
                 description tunnel {{ @number }} of {{ site }} to {{ destination }}
                {{/each}}
                end

                """
        )
        let context: TemplateValue = [
            "site": "SITE-A",
            "tunnels": [["destination": "172.16.100.1"], ["destination": "172.16.100.2"]],
        ]
        expectLines(
            try template.render(context),
            """
            interface Tunnel0
             description tunnel 1 of SITE-A to 172.16.100.1
            interface Tunnel1
             description tunnel 2 of SITE-A to 172.16.100.2
            end

            """
        )
    }

    @Test func nestedEachLooksOutwardAndPrefersTheItem() throws {
        let template = try Template(
            name: "nested",
            source: """
                {{#each sites}}
                ! site {{ @number }}: {{ name }}
                {{#each routes}}
                ip route {{ prefix }} {{ mask }} {{ gateway }} name {{ name }}-{{ @index }}
                {{/each}}
                {{/each}}
                """
        )
        let context: TemplateValue = [
            "mask": "255.255.255.0",
            "sites": [
                [
                    "name": "SITE-A", "gateway": "10.0.0.2",
                    "routes": [["prefix": "192.168.20.0"], ["prefix": "10.200.0.0", "mask": "255.255.0.0"]],
                ],
                ["name": "SITE-B", "gateway": "10.0.0.6", "routes": [["prefix": "192.168.30.0"]]],
                ["name": "SITE-C", "gateway": "10.0.0.10", "routes": []],
            ],
        ]
        expectLines(
            try template.render(context),
            """
            ! site 1: SITE-A
            ip route 192.168.20.0 255.255.255.0 10.0.0.2 name SITE-A-0
            ip route 10.200.0.0 255.255.0.0 10.0.0.2 name SITE-A-1
            ! site 2: SITE-B
            ip route 192.168.30.0 255.255.255.0 10.0.0.6 name SITE-B-0
            ! site 3: SITE-C

            """
        )
    }

    @Test func dotIsTheCurrentItem() throws {
        let template = try Template(name: "dot", source: "{{#each servers}}\nntp server {{ . }}\n{{/each}}")
        expectLines(
            try template.render(["servers": ["10.10.10.1", "10.10.10.5"]]),
            """
            ntp server 10.10.10.1
            ntp server 10.10.10.5

            """
        )
        let root = try Template(name: "root", source: "[{{ . }}]")
        #expect(try root.render("whole") == "[whole]")
    }

    // MARK: - If, else, unless

    @Test func ifElseAndUnlessChooseByBool() throws {
        let template = try Template(
            name: "if",
            source: """
                interface Tunnel0
                {{#if unnumbered}}
                 ip unnumbered FastEthernet0/0
                {{else}}
                 ip address {{ tunnelAddress }} 255.255.255.252
                {{/if}}
                {{#unless keepaliveOff}}
                 keepalive 10 3
                {{else}}
                 no keepalive
                {{/unless}}
                {{#if unnumbered}} ! unnumbered{{/if}}
                !

                """
        )
        let unnumbered: TemplateValue = ["unnumbered": true, "keepaliveOff": false]
        expectLines(
            try template.render(unnumbered),
            """
            interface Tunnel0
             ip unnumbered FastEthernet0/0
             keepalive 10 3
             ! unnumbered
            !

            """
        )
        let numbered: TemplateValue = ["unnumbered": false, "keepaliveOff": true, "tunnelAddress": "10.255.0.2"]
        expectLines(
            try template.render(numbered),
            """
            interface Tunnel0
             ip address 10.255.0.2 255.255.255.252
             no keepalive

            !

            """
        )
    }

    @Test func skippedBranchesNeedNoValues() throws {
        let template = try Template(name: "lazy", source: "{{#if numbered}}{{ address }}{{else}}unnumbered{{/if}}")
        #expect(try template.render(["numbered": false]) == "unnumbered")
    }

    // MARK: - Standalone lines and comments

    @Test func standaloneLinesLeaveNoBlankLines() throws {
        let template = try Template(
            name: "standalone",
            source: """
                {{! Cisco IOS interfaces }}
                hostname {{ hostname }}
                {{#each interfaces}}
                  {{#if enabled}}
                interface {{ name }}
                 no shutdown
                  {{/if}}\t
                {{/each}}
                {{#unless hasBanner}}{{! no banner }}
                !
                {{/unless}}
                end
                {{#if hasBanner}}
                """ + "\n{{/if}}"
        )
        let context: TemplateValue = [
            "hostname": "R1",
            "hasBanner": false,
            "interfaces": [
                ["name": "FastEthernet0/0", "enabled": true], ["name": "FastEthernet0/1", "enabled": false],
            ],
        ]
        expectLines(
            try template.render(context),
            """
            hostname R1
            interface FastEthernet0/0
             no shutdown
            !
            end

            """
        )
    }

    @Test func tagsWithinALineKeepTheLine() throws {
        let template = try Template(name: "inline", source: "a {{#if on}}b{{/if}}\n{{#if on}}c{{/if}}\n")
        #expect(try template.render(["on": false]) == "a \n\n")
        #expect(try template.render(["on": true]) == "a b\nc\n")
    }

    @Test func standaloneLinesHandleCarriageReturns() throws {
        let template = try Template(name: "crlf", source: "{{#if on}}\r\nline\r\n{{/if}}\r\nend\r\n")
        #expect(try template.render(["on": true]) == "line\r\nend\r\n")
        #expect(try template.render(["on": false]) == "end\r\n")
    }

    @Test func commentsAreDropped() throws {
        let template = try Template(
            name: "comments",
            source: """
                hostname {{! the customer's name }}{{ hostname }}
                {{!
                  A comment over
                  several lines.
                }}
                  {{! indented, alone }}
                end
                """
        )
        expectLines(
            try template.render(["hostname": "R1"]),
            """
            hostname R1
            end
            """
        )
    }

    // MARK: - Includes

    @Test func standaloneIncludeIndentsEveryLine() throws {
        let library = try TemplateLibrary(templates: [
            "main": """
            interface Tunnel0
             {{> tunnel-body}}
            !
            banner motd #{{> banner}}#
            end

            """,
            "tunnel-body": """
            tunnel source {{ source }}
            {{#each destinations}}
            tunnel destination {{ . }}
            {{/each}}
            {{> keepalive}}

            """,
            "keepalive": "{{#if keepalive}}\nkeepalive 10 3\n{{/if}}\n",
            "banner": "Authorized access only",
        ])
        #expect(library.names == ["banner", "keepalive", "main", "tunnel-body"])
        let context: TemplateValue = [
            "source": "FastEthernet0/0", "destinations": ["172.16.100.1"], "keepalive": true,
        ]
        expectLines(
            try library.render("main", context),
            """
            interface Tunnel0
             tunnel source FastEthernet0/0
             tunnel destination 172.16.100.1
             keepalive 10 3
            !
            banner motd #Authorized access only#
            end

            """
        )
    }

    @Test func nestedIndentationAddsUpAndSkipsEmptyLines() throws {
        let library = try TemplateLibrary(templates: [
            "outer": "router\n  {{> middle}}\nend\n",
            "middle": "section\n\n  {{> inner}}\n",
            "inner": "value {{ value }}\n{{ multiline }}\n",
        ])
        expectLines(
            try library.render("outer", ["value": 7, "multiline": "first\nsecond"]),
            """
            router
              section

                value 7
                first
            second
            end

            """
        )
    }

    @Test func templateRendersWithALibraryForItsIncludes() throws {
        let library = try TemplateLibrary(templates: ["footer": "!\nend\n"])
        let template = try Template(name: "main", source: "hostname {{ hostname }}\n{{> footer}}\n")
        #expect(try template.render(["hostname": "R1"], library: library) == "hostname R1\n!\nend\n")
    }
}
