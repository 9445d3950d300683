import Foundation
import NetGraph
import Orders
import PlanReports
import Planning
import TestSupport
import Testing
import WorkCalendar

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses text as XML and collects the element names and the first error.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var problem: String?

    /// Parses `text`; `true` when it is well-formed.
    func parse(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        let parsed = parser.parse()
        if !parsed, problem == nil {
            problem =
                "line \(parser.lineNumber), column \(parser.columnNumber): \(String(describing: parser.parserError))"
        }
        return parsed
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        problem = problem ?? "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }
}

@Suite struct ReportHTMLTests {
    static let hostile = #"<script>alert("x")</script> & 'Co' ]]> -->"#

    func report(customer: String = "测试客户", language: ReportLanguage = .en) throws -> String {
        let plan = try ReportFixture.plan(
            .apn,
            sites: [
                ReportFixture.site(
                    "<b>HQ</b>", building: "B-BANK", bandwidth: .megabits(2), protection: .diverse, terminals: 300)
            ], customer: customer)
        let checklist = try Checklist.make(plan: plan, template: try ReportFixture.template(.apn))
        return ReportHTML.make(
            plan: plan, network: PlanningFixture.network(), language: language, checklist: checklist,
            replyForm: try ReplyForm.make(plan: plan))
    }

    /// The `<svg …>…</svg>` elements of a page.
    func drawings(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.firstRange(of: "<svg "), let end = rest[start.lowerBound...].firstRange(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test(arguments: ReportLanguage.allCases)
    func isWellFormedXHTMLWithWellFormedDrawings(language: ReportLanguage) throws {
        let html = try report(customer: Self.hostile, language: language)
        let check = XMLCheck()
        #expect(check.parse(html), "\(check.problem ?? "")")
        #expect(check.elements.first == "html")
        #expect(check.elements.filter { $0 == "svg" }.count == 2)
        for drawing in drawings(html) {
            let svg = XMLCheck()
            #expect(svg.parse(drawing), "\(svg.problem ?? "")")
            #expect(svg.elements.contains("line"))
            #expect(svg.elements.contains("text"))
        }
    }

    @Test func escapesHostileCustomerAndSiteNames() throws {
        let html = try report(customer: Self.hostile)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>HQ"))
        #expect(
            html.contains("<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39; ]]&gt; --&gt;</h1>")
        )
        #expect(html.contains("&lt;b&gt;HQ&lt;/b&gt; — single site at B-BANK"))
        // In the drawing too: the site's label at its building.
        #expect(html.contains("&lt;b&gt;HQ&lt;/b&gt; · B-BANK</tspan>"))
        let controls = try report(customer: "A\u{0}B\u{1B}C")
        #expect(controls.contains("<h1>A\u{FFFD}B\u{FFFD}C</h1>"))
        #expect(XMLCheck().parse(controls))
    }

    @Test func opensWithoutANetwork() throws {
        let html = try report()
        for forbidden in ["<script", "<link", "@import", "@font-face", "src=", "href=", "https://"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        // The only URLs are XML namespaces and the drawings' own clip paths.
        let urls = html.ranges(of: "http://").map { html[$0.lowerBound...].prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/") })
        #expect(html.ranges(of: "url(").count == html.ranges(of: "url(#map-frame-").count)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
    }

    @Test func drawsWorkingGreenProtectionDashedBlueAndShortRed() throws {
        let html = try report()
        let detail = try #require(drawings(html).last)
        #expect(detail.contains("<g fill=\"none\" stroke=\"#1a7f37\" stroke-width=\"4\" stroke-linecap=\"round\">"))
        #expect(detail.contains("stroke=\"#0b5cad\" stroke-width=\"3\" stroke-dasharray=\"8 5\""))
        // Each part of the plan is written once: a section per site, the reply's due date, each alternative.
        #expect(html.contains("<p class=\"due\">2026-10-09 Fri</p>"))
        #expect(html.contains("<tr class=\"status-qualified\"><td>SDH/MSTP (MSAP)</td><td>chosen</td><td>MSAP</td>"))
        #expect(html.contains("<tr class=\"segment-ok\"><td class=\"nowrap\">end access</td>"))

        // A full aggregation ring: the site is blocked and the refused link is drawn red.
        let plan = try ReportFixture.plan(
            .internet, sites: [ReportFixture.site("HQ", building: "B-BANK", bandwidth: .megabits(100))],
            network: PlanningFixture.network(aggregationCommitted: .megabits(7950)))
        let blocked = ReportHTML.make(plan: plan, network: PlanningFixture.network(), language: .zh)
        let map = try #require(drawings(blocked).last)
        let red = try #require(map.firstRange(of: "stroke=\"#cf222e\""))
        #expect(map[red.upperBound...].contains("<line "))
        #expect(
            blocked.contains("<tr class=\"segment-short\"><td class=\"nowrap\">汇聚段</td><td class=\"nowrap\">不具备</td>"))
        #expect(XMLCheck().parse(blocked))
    }
}

@Suite struct LargeNetworkReportTests {
    @Test func drawsOnlyTheAreaAroundThePathsOfALargeNetwork() throws {
        let network = SyntheticNetwork(scale: .city, seed: 3).generate()
        #expect(network.nodes.count > 600)
        let building = try #require(network.nodes.first { $0.kind == .building })
        let plan = try ReportFixture.plan(
            .internet, sites: [ReportFixture.site("Office", building: building.id, bandwidth: .megabits(20))],
            network: network)
        let html = ReportHTML.make(plan: plan, network: network, language: .en)
        let overview = try #require(html.firstRange(of: "<svg ").map { html[$0.lowerBound...] })
        let end = try #require(overview.firstRange(of: "</svg>"))
        let drawing = String(overview[..<end.upperBound])
        let markers = drawing.ranges(of: "<circle ").count + drawing.ranges(of: "<rect x=").count
        #expect(markers > 10)
        #expect(markers < network.nodes.count / 2)
        #expect(html.contains("The network around the paths, north up."))
        #expect(XMLCheck().parse(html))
    }
}
