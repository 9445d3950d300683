import Devices
import Dispatch
import Foundation
import LocatedJSON
import NetAddress
import NetGraph
import Orders
import WorkCalendar

extension Plan {
    /// The plan's JSON text: the bytes of `json.rendered()`, written straight into a buffer (issue 17)
    /// with the sites written on all cores (a 10,000-site plan is tens of megabytes).
    ///
    /// - Complexity: O(size of the plan) / cores.
    public var renderedJSONBytes: [UInt8] {
        // About 6 KiB a site today; reserved pages that stay unwritten cost no memory.
        let bytesPerSite = 8192
        let sites = self.sites
        let chunks = sites.count < 64 ? 1 : min(sites.count / 32, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let parts = SiteParts(count: chunks)
        let write: @Sendable (Int) -> Void = { chunk in
            let range = (sites.count * chunk / chunks)..<(sites.count * (chunk + 1) / chunks)
            var writer = JSONStreamWriter(capacity: range.count * bytesPerSite, depth: 2)
            for site in sites[range] {
                writer.element()
                site.write(to: &writer)
            }
            parts.store(writer, at: chunk)
        }
        if chunks == 1 { write(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: write) }
        let written = parts.values
        var writer = JSONStreamWriter(capacity: written.reduce(16_384) { $0 + $1.bytes.count })
        writer.beginObject()
        for (name, value) in jsonMembers(sites: .null) {
            writer.key(name)
            guard name == "sites" else {
                writer.value(value)
                continue
            }
            writer.beginArray()
            for part in written { writer.appendElements(of: part) }
            writer.endArray()
        }
        writer.endObject()
        writer.newline()
        return writer.bytes
    }

    /// The plan's JSON text as a string: ``renderedJSONBytes`` decoded.
    ///
    /// - Complexity: O(size of the plan) / cores.
    public var renderedJSON: String {
        String(decoding: renderedJSONBytes, as: UTF8.self)
    }
}

/// The sites written by each chunk; the lock guards `writers`, set once per chunk by
/// `concurrentPerform`'s workers.
private final class SiteParts: @unchecked Sendable {
    private let lock = NSLock()
    private var writers: [JSONStreamWriter]

    init(count: Int) {
        writers = Array(repeating: JSONStreamWriter(capacity: 0), count: count)
    }

    func store(_ writer: JSONStreamWriter, at index: Int) {
        lock.lock()
        writers[index] = writer
        lock.unlock()
    }

    var values: [JSONStreamWriter] {
        lock.lock()
        defer { lock.unlock() }
        return writers
    }
}

extension SitePlan {
    /// Writes the site's part of the plan JSON, the bytes of ``json`` at the writer's depth.
    ///
    /// - Parameter writer: The writer, where the site's object is the next value.
    /// - Complexity: O(size of the site's JSON).
    func write(to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(name)
        writer.key("line")
        writer.string(lineID)
        writer.key("role")
        writer.string(role.rawValue)
        writer.key("building")
        writer.string(building)
        writer.key("address")
        writer.string(address)
        writer.key("contact")
        writer.string(contact)
        writer.key("phone")
        writer.string(phone)
        writer.key("area")
        writer.string(area.rawValue)
        writer.key("bandwidth")
        writer.string(bandwidth.description)
        writer.key("interface")
        writer.string(interface.rawValue)
        writer.key("protection")
        writer.string(protection.rawValue)
        writer.key("qualification")
        writer.string(qualification.rawValue)
        Finding.writeReasonAndFindings(qualificationFindings, to: &writer)
        writer.key("access")
        writeAccess(to: &writer)
        writer.key("farEnd")
        writer.string(farEnd)
        writer.key("path")
        writePath(to: &writer)
        writer.key("confirmation")
        writeConfirmation(to: &writer)
        writer.key("hubVLAN")
        writer.integer(hubVLAN)
        writer.key("addresses")
        writeAddresses(to: &writer)
        writer.key("gre")
        writer.beginArray()
        for tunnel in tunnels {
            writer.element()
            writer.beginObject()
            writer.key("ggsn")
            writer.string(tunnel.ggsn)
            writer.key("ggsnAddress")
            writer.string(tunnel.ggsnAddress.description)
            writer.key("customerAddress")
            writer.string(tunnel.customerAddress?.description)
            writer.key("inner")
            writer.string(tunnel.inner?.description)
            writer.key("pool")
            writer.string(tunnel.pool?.description)
            writer.endObject()
        }
        writer.endArray()
        writer.key("router")
        writeRouter(to: &writer)
        writer.key("hostname")
        writer.string(hostname)
        writer.key("config")
        writer.string(configFile)
        writer.key("readyDate")
        writer.string(readyDate?.description)
        writer.key("repairHours")
        writer.integer(repairHours)
        writer.endObject()
    }

    private func writeAccess(to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("technology")
        writer.string(technology?.rawValue)
        writer.key("node")
        writer.string(accessNode)
        writer.key("alternatives")
        writer.beginArray()
        for alternative in alternatives {
            writer.element()
            writer.beginObject()
            writer.key("technology")
            writer.string(alternative.technology.rawValue)
            writer.key("status")
            writer.string(alternative.status.rawValue)
            writer.key("node")
            writer.string(alternative.node)
            Finding.writeReasonAndFindings(alternative.findings, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func writePath(to writer: inout JSONStreamWriter) {
        writer.beginObject()
        for (name, path) in [("working", working), ("protection", protectionPath)] {
            writer.key(name)
            if let path { writer.strings(path.nodes) } else { writer.null() }
        }
        for (name, path) in [("workingLinks", working), ("protectionLinks", protectionPath)] {
            writer.key(name)
            if let path { writer.strings(path.links) } else { writer.null() }
        }
        for (name, path) in [("workingKm", working), ("protectionKm", protectionPath)] {
            writer.key(name)
            if let path { writer.decimal(path.metres, scale: 3) } else { writer.null() }
        }
        writer.key("sharedRiskGroups")
        writer.strings(sharedRiskGroups)
        writer.endObject()
    }

    private func writeConfirmation(to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("outcome")
        writer.string(outcome.rawValue)
        writer.key("segments")
        writer.beginArray()
        for check in segments {
            writer.element()
            writer.beginObject()
            writer.key("segment")
            writer.string(check.segment.rawValue)
            writer.key("status")
            writer.string(check.status.rawValue)
            Finding.writeReasonAndFindings(check.findings, to: &writer)
            writer.key("links")
            writer.strings(check.links)
            writer.key("nodes")
            writer.strings(check.nodes)
            writer.key("pools")
            writer.strings(check.pools)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func writeAddresses(to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("interconnect")
        writer.string(addresses.interconnect?.description)
        writer.key("lan")
        writer.string(addresses.lan?.description)
        writer.key("apnPool")
        writer.string(addresses.apnPool?.description)
        writer.key("tunnel")
        writer.string(addresses.tunnels.first?.description)
        writer.key("tunnels")
        writer.strings(addresses.tunnels.map(\.description))
        writer.key("publicLAN")
        writer.string(addresses.publicLAN?.description)
        writer.endObject()
    }

    private func writeRouter(to writer: inout JSONStreamWriter) {
        let failureTexts = router.failures.map(\.english)
        let noteTexts = router.notes.map(\.english)
        writer.beginObject()
        writer.key("model")
        writer.string(router.model)
        writer.key("platform")
        writer.string(router.platform)
        writer.key("verdict")
        writer.string(router.verdict.rawValue)
        writer.key("reasons")
        writer.strings(failureTexts + noteTexts)
        writer.key("failures")
        Finding.write(router.failures, texts: failureTexts, to: &writer)
        writer.key("notes")
        Finding.write(router.notes, texts: noteTexts, to: &writer)
        writer.key("configuredModel")
        writer.string(router.configuredModel)
        writer.key("replacement")
        writer.string(router.replacement)
        writer.key("module")
        writer.string(router.module)
        writer.endObject()
    }
}

extension Finding {
    /// Writes the members `reason` (the findings in one English sentence) and `findings`, each
    /// finding's English text made once for both.
    ///
    /// - Parameters:
    ///   - findings: The findings, in order.
    ///   - writer: The writer, inside the object that gets the two members.
    static func writeReasonAndFindings(_ findings: [Finding], to writer: inout JSONStreamWriter) {
        let texts = findings.map(\.english)
        writer.key("reason")
        writer.string(texts.joined(separator: "; "))
        writer.key("findings")
        write(findings, texts: texts, to: &writer)
    }

    /// Writes findings as ``json(_:)`` gives them, with their English texts already made.
    ///
    /// - Parameters:
    ///   - findings: The findings, in order.
    ///   - texts: Each finding's ``english``.
    ///   - writer: The writer, where the array is the next value.
    static func write(_ findings: [Finding], texts: [String], to writer: inout JSONStreamWriter) {
        writer.beginArray()
        for (finding, text) in zip(findings, texts) {
            writer.element()
            writer.beginObject()
            writer.key("code")
            writer.string(finding.code)
            writer.key("parameters")
            writer.beginObject()
            for parameter in finding.parameters {
                writer.key(parameter.name)
                switch parameter.value {
                case .text(let text): writer.string(text)
                case .number(let number): writer.integer(number)
                case .texts(let texts): writer.strings(texts)
                case .numbers(let numbers): writer.integers(numbers)
                case .null: writer.null()
                }
            }
            writer.endObject()
            writer.key("text")
            writer.string(text)
            writer.endObject()
        }
        writer.endArray()
    }
}
