import NetGraph
import Testing

/// Known answers for the checks of a network file's top level, rooms and nodes: each rule's exact diagnostic.
///
/// Every file is valid apart from the rule under test, so each test expects exactly the diagnostics listed.
@Suite struct NetworkFileNodeTests {
    @Test func refusesAnUnknownTopLevelKeySuggestingTheClosest() {
        let text = """
            {
              "name": "t",
              "nodez": [],
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ],
              "colour": "red"
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:3:3: error: unknown key 'nodez'; did you mean 'nodes'? (nodez)",
                "net.json:12:3: error: unknown key 'colour' (colour)",
            ])
    }

    @Test func refusesAFileWithoutNodes() {
        let text = """
            {
              "name": "t",
              "links": []
            }
            """
        #expect(loadErrors(text) == ["net.json:1:1: error: missing required key 'nodes'"])
        #expect(
            loadErrors("{}") == [
                "net.json:1:1: error: missing required key 'nodes'",
                "net.json:1:1: error: missing required key 'links'",
            ])
    }

    @Test func refusesAFileThatIsNotAnObject() {
        #expect(loadErrors("[]") == ["net.json:1:1: error: expected an object, found an array"])
        #expect(
            loadErrors(#"{"nodes": "A, B", "links": {}}"#) == [
                "net.json:1:11: error: expected an array, found a string (nodes)",
                "net.json:1:28: error: expected an array, found an object (links)",
            ])
    }

    @Test func refusesANodeWithoutAKind() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [0, 1]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "C", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:4:5: error: missing required key 'kind' (nodes[1])"])
    }

    @Test func refusesAnUnknownKindSuggestingTheClosest() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptm", "location": [1, 0]},
                {"id": "C", "kind": "router", "location": [2, 0]},
                {"id": "D", "kind": "ptn", "location": [0, 1]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "D", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:4:25: error: unknown node kind 'ptm'; did you mean 'ptn'? (nodes[1].kind)",
                "net.json:5:25: error: unknown node kind 'router'; expected one of otn, ptn, sdh, msap, olt, "
                    + "splitter, ggsn, cmnet, gprs-vpn-switch, access-switch, building, wlan-ap (nodes[2].kind)",
            ])
    }

    @Test func refusesADuplicateNodeIDPointingAtTheFirst() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "A", "kind": "otn", "location": [2, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:12: error: duplicate node id 'A'; first defined at line 3, column 12 (nodes[2].id)"
            ])
    }

    @Test func refusesUnusableIDs() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "", "kind": "ptn", "location": [2, 0]},
                {"id": "C D", "kind": "ptn", "location": [3, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:12: error: invalid node id '': an id must not be empty (nodes[2].id)",
                "net.json:6:12: error: invalid node id 'C D': an id must not contain spaces or control characters "
                    + "(nodes[3].id)",
            ])
    }

    @Test func refusesAnUnknownRoom() {
        let text = """
            {
              "rooms": [
                {"id": "R1", "name": "汉口机房", "location": [0, 0]}
              ],
              "nodes": [
                {"id": "A", "kind": "ptn", "room": "R1"},
                {"id": "B", "kind": "ptn", "room": "R2", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:7:40: error: unknown room 'R2' (nodes[1].room)"])
    }

    @Test func placesANodeInItsRoomWhenItHasNoLocation() throws {
        let text = """
            {
              "rooms": [
                {"id": "R1", "name": "汉口机房", "location": [3.5, -2]}
              ],
              "nodes": [
                {"id": "A", "kind": "ptn", "room": "R1"},
                {"id": "B", "kind": "ptn", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 4,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        let network = try loadNetwork(text)
        #expect(network.nodes[0].location == Location(x: 3.5, y: -2))
        #expect(network.nodes[0].room == "R1")
        #expect(network.room("R1")?.name == "汉口机房")
    }

    @Test func refusesALayerThatContradictsTheKind() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "layer": "transport", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "layer": "service", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:4:41: error: a 'ptn' node belongs to the transport layer, not 'service' (nodes[1].layer)"
            ])
    }

    @Test func refusesAnUnknownPortType() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0],
                 "ports": {"GE": {"total": 4}, "ge": {"total": 1}, "Serial": {"total": 2}}}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:36: error: unknown port type 'ge'; did you mean 'GE'? (nodes[1].ports.ge)",
                "net.json:5:56: error: unknown port type 'Serial'; expected one of FE, GE, 10GE, 100GE, E1, V.35, "
                    + "STM-1, STM-4, STM-16, PON (nodes[1].ports.Serial)",
            ])
    }

    @Test func refusesMorePortsUsedThanTheNodeHas() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0],
                 "ports": {"GE": {"total": 4, "used": 6}, "E1": {"total": 1, "used": 2}, "FE": {"total": 2, "used": 2}}}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:43: error: uses 6 GE ports but has only 4 ports (nodes[1].ports.GE.used)",
                "net.json:5:74: error: uses 2 E1 ports but has only 1 port (nodes[1].ports.E1.used)",
            ])
    }

    @Test func refusesPONFactsOnANodeThatIsNotAnOLT() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "olt", "location": [0, 0], "pon": {"standard": "gpon", "opticalClass": "C+"}},
                {"id": "B", "kind": "ptn", "location": [1, 0],
                 "pon": {"standard": "gpon"}}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "10G", "km": 1,
                 "segment": "aggregation", "technology": "ethernet"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:5:13: error: 'pon' applies to OLTs only (nodes[1].pon)"])
    }

    @Test func refusesASplitRatioThatIsNotAPowerOfTwo() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "olt", "location": [0, 0], "pon": {"standard": "gpon"}},
                {"id": "S", "kind": "splitter", "location": [1, 0],
                 "splitter": {"ratio": 12, "used": 3}}
              ],
              "links": [
                {"id": "F1", "a": "A", "b": "S", "rate": "2488.32M", "km": 1,
                 "segment": "access", "technology": "pon"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:28: error: split ratio 12 is not 2, 4, 8, 16, 32, 64 or 128 (nodes[1].splitter.ratio)"
            ])
    }

    @Test func refusesASplitterUsingMoreBranchesThanItHas() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "olt", "location": [0, 0], "pon": {"standard": "gpon"}},
                {"id": "S", "kind": "splitter", "location": [1, 0],
                 "splitter": {"ratio": 32, "used": 40}}
              ],
              "links": [
                {"id": "F1", "a": "A", "b": "S", "rate": "2488.32M", "km": 1,
                 "segment": "access", "technology": "pon"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:5:40: error: uses 40 branches but the splitter has only 32 (nodes[1].splitter.used)"
            ])
    }

    @Test func refusesAnAreaOnANodeThatIsNotABuilding() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0], "area": "town"},
                {"id": "B", "kind": "building", "location": [1, 0], "area": "countryside"}
              ],
              "links": [
                {"id": "F1", "a": "B", "b": "A", "rate": "1G", "km": 1,
                 "segment": "last-mile", "technology": "fibre"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:3:60: error: 'area' applies to buildings only (nodes[0].area)"])
    }

    @Test func refusesALocationThatIsNotTwoNumbers() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn", "location": [2]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == ["net.json:5:44: error: expected [x, y] in km, found an array of 1 (nodes[2].location)"]
        )
    }

    // MARK: - Known issues

    @Test func asksForTheLocationOfANodeWithoutARoomPlainly() {
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptn", "location": [1, 0]},
                {"id": "C", "kind": "ptn"}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(loadErrors(text) == ["net.json:5:5: error: missing required key 'location' (nodes[2])"])
    }

    @Test func doesNotCallANodeWithAnErrorUnknownInItsLinks() {
        // Node B is in the file; only its kind is misspelt. The link is fine and should not be blamed.
        let text = """
            {
              "nodes": [
                {"id": "A", "kind": "ptn", "location": [0, 0]},
                {"id": "B", "kind": "ptm", "location": [1, 0]}
              ],
              "links": [
                {"id": "L1", "a": "A", "b": "B", "rate": "1G", "km": 1,
                 "segment": "access", "technology": "ptn"}
              ]
            }
            """
        #expect(
            loadErrors(text) == [
                "net.json:4:25: error: unknown node kind 'ptm'; did you mean 'ptn'? (nodes[1].kind)"
            ]
        )
    }
}
