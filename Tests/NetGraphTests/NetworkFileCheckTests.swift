import NetGraph
import Testing

/// Known answers for the whole-network checks: pools, policy, rings, reachability, warnings, and their order.
@Suite struct NetworkFileCheckTests {
    @Test func refusesOverlappingPools() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "pools": [
                {"id": "P1", "purpose": "interconnect", "prefix": "10.0.0.0/16"},
                {"id": "P2", "purpose": "lan", "prefix": "10.1.0.0/16"},
                {"id": "P3", "purpose": "apn", "prefix": "10.0.128.0/17"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:13:46: error: pool 'P3' (10.0.128.0/17) overlaps pool 'P1' (10.0.0.0/16) (pools[2].prefix)"
            ])
    }

    @Test func refusesAPoolPrefixWithHostBitsSetOrAnUnknownPurpose() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "pools": [
                {"id": "P1", "purpose": "lan", "prefix": "10.0.0.1/16"},
                {"id": "P2", "purpose": "loopbak", "prefix": "10.9.0.0/24"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:11:46: error: invalid prefix '10.0.0.1/16': host bits are set (did you mean 10.0.0.0/16?) "
                    + "(pools[0].prefix)",
                "net.json:12:29: error: unknown pool purpose 'loopbak'; did you mean 'loopback'? (pools[1].purpose)",
            ])
    }

    @Test func refusesAnUnknownPolicyKeySuggestingTheClosest() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "policy": {
                "ptnAccessRingMaxNode": 16,
                "colour": 3
              }
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:11:5: error: unknown key 'ptnAccessRingMaxNode'; did you mean 'ptnAccessRingMaxNodes'? "
                    + "(policy.ptnAccessRingMaxNode)",
                "net.json:12:5: error: unknown key 'colour' (policy.colour)",
            ])
    }

    @Test func refusesPolicyValuesOutOfRange() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "policy": {
                "accessMaxUtilisation": 1.5,
                "ptnAccessRingMaxNodes": 100,
                "sdhRingMaxNodes": 12.5,
                "kShortestPaths": 0
              }
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:11:29: error: 1.5 is above the maximum 1 (policy.accessMaxUtilisation)",
                "net.json:12:30: error: 100 is above the maximum 64 (policy.ptnAccessRingMaxNodes)",
                "net.json:13:24: error: number 12.5 is not a whole number (policy.sdhRingMaxNodes)",
                "net.json:14:23: error: 0 is below the minimum 1 (policy.kShortestPaths)",
            ])
    }

    @Test func appliesPolicyOverrides() throws {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "policy": {"accessMaxUtilisation": 0.5, "ptnAccessRingMaxNodes": 12}
            }
            """
        let network = try loadNetwork(text)
        #expect(network.policy[.accessMaxUtilisation] == 0.5)
        #expect(network.policy[.aggregationMaxUtilisation] == 0.8)
        #expect(network.policy.overriddenKeys == [.ptnAccessRingMaxNodes, .accessMaxUtilisation])
        #expect(network.maximumRingSize(technology: .ptn, segment: .access) == 12)
        #expect(network.maximumRingSize(technology: .ptn, segment: .aggregation) == 8)
        #expect(network.maximumRingSize(technology: .fibre, segment: .access) == nil)
    }

    // MARK: - Rings

    @Test func refusesARingThatIsNotClosed() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [2, 0]},
                {"id": "D", "kind": "ptn", "location": [3, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L2", "a": "B", "b": "C", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L3", "a": "C", "b": "D", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:10:14: error: ring 'R1' is not a closed ring: node 'A' has 1 ring link (links[0].ring)"
            ])
    }

    /// A network file with one PTN access ring of `size` nodes, `N1`…`Nsize`, whose first link is on line size + 5.
    private func accessRingFile(size: Int, policy: String? = nil) -> String {
        var lines = ["{"]
        if let policy { lines.append("  \"policy\": \(policy),") }
        lines.append("  \"nodes\": [")
        for number in 1...size {
            let comma = number < size ? "," : ""
            lines.append("    {\"id\": \"N\(number)\", \"kind\": \"ptn\", \"location\": [\(number), 0]}\(comma)")
        }
        lines.append("  ],")
        lines.append("  \"links\": [")
        for number in 1...size {
            let comma = number < size ? "," : ""
            lines.append(
                "    {\"ring\": \"ACC-1\", \"id\": \"L\(number)\", \"a\": \"N\(number)\", \"b\": \"N\(number % size + 1)\", "
                    + "\"rate\": \"1G\", \"km\": 30, \"segment\": \"access\", \"technology\": \"ptn\"}\(comma)")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    @Test func refusesAPTNAccessRingOfMoreThan20Nodes() throws {
        #expect(
            loadErrors(accessRingFile(size: 21)) == [
                "net.json:26:14: error: ring 'ACC-1' has 21 access nodes; a PTN access ring allows at most 20 "
                    + "(links[0].ring)"
            ])
        #expect(try loadWarnings(accessRingFile(size: 20)).isEmpty)
        #expect(try loadWarnings(accessRingFile(size: 21, policy: #"{"ptnAccessRingMaxNodes": 24}"#)).isEmpty)
    }

    @Test func refusesARingThatMixesTechnologiesOrSegments() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [0.5, 0.8]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L2", "a": "B", "b": "C", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L3", "a": "C", "b": "A", "rate": "STM-1", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "sdh"},
                {"id": "L4", "a": "A", "b": "B", "rate": "10G", "km": 1,
                 "ring": "R2", "segment": "aggregation", "technology": "ptn"},
                {"id": "L5", "a": "B", "b": "A", "rate": "10G", "km": 1,
                 "ring": "R2", "segment": "core", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:9:14: error: ring 'R1' mixes ptn access links with link 'L3' (sdh access) (links[0].ring)",
                "net.json:15:14: error: ring 'R2' mixes ptn aggregation links with link 'L5' (ptn core) "
                    + "(links[3].ring)",
            ])
    }

    // MARK: - Reachability

    @Test func refusesServiceNodesThatNoBuildingReachesThroughTransport() throws {
        let text = """
            {
              "nodes": [
                {"id": "BLD", "kind": "building", "location": [0, 0]},
                {"id": "A", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "cmnet", "location": [2, 0]},
                {"id": "G", "kind": "ggsn", "location": [3, 0]},
                {"id": "SW", "kind": "gprs-vpn-switch", "location": [4, 0]}
              ],
              "links": [
                {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 1,
                 "segment": "last-mile", "technology": "fibre"},
                {"id": "U1", "a": "A", "b": "C", "rate": "10G", "km": 1,
                 "segment": "core", "technology": "ethernet"},
                {"id": "U2", "a": "C", "b": "G", "rate": "10G", "km": 5,
                 "segment": "core", "technology": "ethernet"},
                {"id": "U3", "a": "G", "b": "SW", "rate": "10G", "km": 5,
                 "segment": "core", "technology": "ethernet"}
              ]
            }
            """
        let tail = "is not reachable from any customer building through the transport network"
        #expect(
            loadErrors(text) == [
                "net.json:6:12: error: service node 'G' \(tail) (nodes[3].id)",
                "net.json:7:12: error: service node 'SW' \(tail) (nodes[4].id)",
            ])
        let throughTransport =
            text
            .replacing(#""a": "C", "b": "G""#, with: #""a": "A", "b": "G""#)
            .replacing(#""a": "G", "b": "SW""#, with: #""a": "A", "b": "SW""#)
        #expect(try loadWarnings(throughTransport).isEmpty)
    }

    // MARK: - Warnings

    @Test func warnsOfARingLinkCommittedAboveTheUpgradeThreshold() throws {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [0.5, 0.8]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1, "committed": "500M",
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L2", "a": "B", "b": "C", "rate": "1G", "km": 1, "committed": "750M",
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L3", "a": "C", "b": "A", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            try loadWarnings(text) == [
                "net.json:9:14: warning: ring 'R1' is 75 % committed on link 'L2' (750M of 1G), above the 70 % "
                    + "upgrade threshold (links[0].ring)"
            ])
        let belowThreshold = text.replacing("750M", with: "690M")
        #expect(try loadWarnings(belowThreshold).isEmpty)
    }

    @Test func warnsOfAnSDHSpanAbove80PercentOfItsVC12() throws {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "sdh", "location": [0, 0]},
                {"id": "B", "kind": "sdh", "location": [1, 0]}
              ],
              "links": [
                {"id": "S1", "a": "A", "b": "B", "rate": "STM-1", "km": 1,
                 "sdh": {"vc4": 1, "vc12Used": 55},
                 "segment": "access", "technology": "sdh"},
                {"id": "S2", "a": "A", "b": "B", "rate": "STM-1", "km": 1,
                 "sdh": {"vc4": 1, "vc12Used": 50},
                 "segment": "access", "technology": "sdh"}
              ]
            }
            """
        #expect(
            try loadWarnings(text) == [
                "net.json:7:12: warning: SDH span 'S1' has 87 % of its VC-12 capacity in use (8 free), above 80 % "
                    + "(links[0].id)"
            ])
    }

    @Test func warnsOfANodeWithNoLinks() throws {
        let text = """
            {
              "nodes": [
                {"id": "BLD", "kind": "building", "location": [0, 0]},
                {"id": "A", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [2, 0]}
              ],
              "links": [
                {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 1,
                 "segment": "last-mile", "technology": "fibre"}
              ]
            }
            """
        #expect(try loadWarnings(text) == ["net.json:5:12: warning: node 'C' has no links (nodes[2].id)"])
    }

    @Test func returnsAllErrorsTogetherInFileOrder() {
        let text = """
            {
              "policy": {"accessMaxUtilisation": 2},
              "pools": [
                {"id": "P1", "purpose": "lan", "prefix": "10.0.0.0/16"},
                {"id": "P2", "purpose": "lan", "prefix": "10.0.0.0/24"}
              ],
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptm", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [0, 1]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "C", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"},
                {"id": "L2", "a": "A", "b": "C", "rate": "1G", "km": 1,
                 "committed": "2G", "segment": "access", "technology": "ptn"}
              ],
              "extra": true
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:2:38: error: 2 is above the maximum 1 (policy.accessMaxUtilisation)",
                "net.json:5:46: error: pool 'P2' (10.0.0.0/24) overlaps pool 'P1' (10.0.0.0/16) (pools[1].prefix)",
                "net.json:9:25: error: unknown node kind 'ptm'; did you mean 'ptn'? (nodes[1].kind)",
                "net.json:16:19: error: committed 2G exceeds the link rate 1G (links[1].committed)",
                "net.json:18:3: error: unknown key 'extra' (extra)",
            ])
    }

    @Test func returnsWarningsWithTheErrorsWhenThereAreErrors() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "sdh", "location": [0, 0]},
                {"id": "B", "kind": "sdh", "location": [1, 0]}
              ],
              "links": [
                {"id": "S1", "a": "A", "b": "B", "rate": "STM-1", "km": 1,
                 "sdh": {"vc4": 1, "vc12Used": 55},
                 "segment": "access", "technology": "sdh"},
                {"id": "S2", "a": "A", "b": "B", "rate": "STM-1", "km": -1,
                 "segment": "access", "technology": "sdh"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:7:12: warning: SDH span 'S1' has 87 % of its VC-12 capacity in use (8 free), above 80 % "
                    + "(links[0].id)",
                "net.json:10:61: error: must not be negative, found -1 (links[1].km)",
            ])
    }

    @Test func leavesOutNoLinkWarningsWhenAnErrorMayHaveCausedThem() {
        // Node C's only link is refused, so "no links" would only repeat the link's error.
        let text = """
            {
              "nodes": [
                {"id": "BLD", "kind": "building", "location": [0, 0]},
                {"id": "A", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [2, 0]}
              ],
              "links": [
                {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 1,
                 "segment": "last-mile", "technology": "fibre"},
                {"id": "L1", "a": "A", "b": "C", "rate": "1G", "km": -1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:10:58: error: must not be negative, found -1 (links[1].km)"])
    }

    @Test func warnsOfARingLinkCommittedExactlyAtTheUpgradeThreshold() throws {
        // domain-rules.md §3.3: "ring upgrade trigger ≥ 70 %".
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [0.5, 0.8]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1, "committed": "500M",
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L2", "a": "B", "b": "C", "rate": "1G", "km": 1, "committed": "700M",
                 "ring": "R1", "segment": "access", "technology": "ptn"},
                {"id": "L3", "a": "C", "b": "A", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"}
              ]
            }
            """
        let warnings = try loadWarnings(text)
        #expect(warnings.count == 1)
        #expect(
            warnings == [
                "net.json:9:14: warning: ring 'R1' is 70 % committed on link 'L2' (700M of 1G), at the 70 % "
                    + "upgrade threshold (links[0].ring)"
            ])
    }

    // MARK: - Known issues

    @Test func warnsOfANodeWithNoLinksInANetworkWithoutBuildings() throws {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [2, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        let warnings = try loadWarnings(text)
        #expect(warnings == ["net.json:5:12: warning: node 'C' has no links (nodes[2].id)"])
    }

    @Test func namesTheNodePathAsInTheFileAfterAnEarlierNodeWasRefused() {
        let text = """
            {
              "nodes": [
                {"id": "X", "location": [0, 0]},
                {"id": "BLD", "kind": "building", "location": [1, 0]},
                {"id": "A", "kind": "ptn", "location": [2, 0]},
                {"id": "C", "kind": "cmnet", "location": [3, 0]},
                {"id": "G", "kind": "ggsn", "location": [3, 0]}
              ],
              "links": [
                {"id": "F1", "a": "BLD", "b": "A", "rate": "1G", "km": 1,
                 "segment": "last-mile", "technology": "fibre"},
                {"id": "U1", "a": "C", "b": "G", "rate": "10G", "km": 1,
                 "segment": "core", "technology": "ethernet"}
              ]
            }
            """
        let tail = "is not reachable from any customer building through the transport network"
        #expect(
            loadErrors(text) == [
                "net.json:3:5: error: missing required key 'kind' (nodes[0])",
                "net.json:6:12: error: service node 'C' \(tail) (nodes[3].id)",
                "net.json:7:12: error: service node 'G' \(tail) (nodes[4].id)",
            ])
    }

    @Test func namesTheLinkPathAsInTheFileAfterAnEarlierLinkWasRefused() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L0", "a": "A", "b": "Z", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"},
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "ring": "R1", "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:7:33: error: unknown node 'Z' (links[0].b)",
                "net.json:10:14: error: ring 'R1' is not a closed ring: node 'A' has 1 ring link (links[1].ring)",
            ])
    }
}
