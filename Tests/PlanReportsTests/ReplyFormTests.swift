import Orders
import PlanReports
import Planning
import Testing
import WorkCalendar

@Suite struct ReplyFormTests {
    /// HQ at B-BANK is served today; the branch at B-FAR needs a card on its full access node.
    ///
    /// Received Wednesday 2026-09-30: one point to optimise, reply in 2 working days (10-08, 10-09),
    /// ready 5 working days later: 10-10 (make-up Saturday), 10-12, 10-13, 10-14, 10-15.
    @Test func writesTheFormInEnglish() throws {
        let form = try ReplyForm.make(plan: try ReportFixture.branchNeedingOptimisation())
        #expect(form.readyDate?.description == "2026-10-15")
        let expected = """
            # 《本地集团客户接入类资源确认及回复单》

            **Local group customer access resource confirmation and reply form**

            ## 1. Request

            | | |
            |---|---|
            | Order | T-1 |
            | Customer | 测试客户 |
            | Product | interconnect line |
            | Request | new |
            | Mature product | yes |
            | Received | 2026-09-30 Wed |
            | Sites | 2 |
            | Network area | fixture |
            | Description | Test line: one branch to optimise |

            ## 2. Reply

            | | |
            |---|---|
            | Outcome | access optimisation: the end access is provided by maintenance |
            | Reply due | 2026-10-09 Fri (within 2 working days of receipt) |
            | Responsible department | Network maintenance centre (网络维护中心) |
            | End-access points to optimise | 1 |
            | Planned ready date | 2026-10-15 Thu |

            ## 3. Resources by site and segment

            | Site | Resource | Segment | Status | Finding |
            |---|---|---|---|---|
            | HQ | access | end access | found | 0.3 km to ACC-1, 8 GE ports free |
            | Branch | access | end access | missing | 2 km to ACC-2, but no free FE port (8 in use): maintenance must add a card |
            | Branch | access | access | found | 1 link; tightest ACC-L1: 600M free |

            ## 4. Site outcomes

            | Site | Building | Address | Contact | Access | Outcome | Responsible department | Planned ready date | Repair | Customer router |
            |---|---|---|---|---|---|---|---|---|---|
            | HQ | B-BANK | — | — | PTN (fibre transceiver + PTN) — ACC-1 | available | Customer service support centre (客户服务支撑中心) | — | 48 h (town) | Cisco 1841: fit: supports what the line needs |
            | Branch | B-FAR | 武汉市新洲区阳逻街1号 | 吴强, 027-8690 1234 | PTN (fibre transceiver + PTN) — ACC-2 | access optimisation | Network maintenance centre (网络维护中心) | 2026-10-15 Thu | 72 h (countryside) | Cisco 1841: fit: supports what the line needs |

            ## 5. Service obligations

            - Fault repair: within 48 hours in towns and 72 hours in the countryside from the customer's report; past that the customer is told and the monthly rent for the outage is waived.
            - Planned work (cutover, upgrade, moves) that interrupts service for under 24 hours is announced 72 hours ahead; longer, or affecting a key customer, it is approved by the competent department first.

            ## 6. How the dates are set

            - Working days exclude weekends and statutory holidays and include make-up working days (调休); the day of receipt is not counted.
            - Reply deadlines: resources exist, 2 working days; a core build or a solution template, 3; end access by optimisation, 2 for one point and 5 for two or more.
            - Planned ready date, per site: end-access optimisation, the site's reply deadline + 5 working days; a core build, the site's reply deadline + 30 working days, provisional until the engineering department gives its planned in-service date. A site whose resources exist is not held back by another's build.

            ## 7. Sign-off

            | Role | Name | Date |
            |---|---|---|
            | Replied by: customer service support centre (客户服务支撑中心) |  |  |
            | Received by: group customer department (集团客户部) |  |  |

            """
        expectLines(form.markdown(language: .en), expected)
    }

    @Test func writesTheFormInChinese() throws {
        let form = try ReplyForm.make(plan: try ReportFixture.branchNeedingOptimisation())
        let expected = """
            # 《本地集团客户接入类资源确认及回复单》

            ## 一、需求信息

            | | |
            |---|---|
            | 订单编号 | T-1 |
            | 客户名称 | 测试客户 |
            | 业务类型 | 互联专线 |
            | 需求类型 | 新增 |
            | 成熟产品 | 是 |
            | 受理日期 | 2026-09-30 周三 |
            | 站点数 | 2 |
            | 网络区域 | fixture |
            | 需求说明 | Test line: one branch to optimise |

            ## 二、回复结论

            | | |
            |---|---|
            | 确认结果 | 末端接入段维护优化后可提供 |
            | 回复期限 | 2026-10-09 周五（受理后2个工作日内） |
            | 责任部门 | 网络维护中心 |
            | 需优化的末端接入点 | 1 |
            | 计划具备日期 | 2026-10-15 周四 |

            ## 三、分段资源确认

            | 站点 | 资源类别 | 分段 | 资源情况 | 说明 |
            |---|---|---|---|---|
            | HQ | 接入资源 | 末端接入段 | 具备 | 距ACC-1 0.3公里，空闲GE端口8个 |
            | Branch | 接入资源 | 末端接入段 | 不具备 | 距ACC-2 2公里，但无空闲FE端口（8个均已占用）：需维护部门加板卡 |
            | Branch | 接入资源 | 接入段 | 具备 | 1条链路；最紧张的ACC-L1：空闲600M |

            ## 四、各站点结论

            | 站点 | 楼宇 | 装机地址 | 联系人 | 接入方式 | 结论 | 责任部门 | 计划具备日期 | 修复时限 | 客户路由器 |
            |---|---|---|---|---|---|---|---|---|---|
            | HQ | B-BANK | — | — | PTN（光纤收发器+PTN） — ACC-1 | 具备 | 客户服务支撑中心 | — | 48小时（城镇） | Cisco 1841：满足要求 |
            | Branch | B-FAR | 武汉市新洲区阳逻街1号 | 吴强，027-8690 1234 | PTN（光纤收发器+PTN） — ACC-2 | 接入优化 | 网络维护中心 | 2026-10-15 周四 | 72小时（农村） | Cisco 1841：满足要求 |

            ## 五、服务承诺

            - 障碍修复：自接到客户申告之日起，城镇48小时、农村72小时内修复或调通；不能按期修复的，及时通知客户，并免收障碍期间的月租费用。
            - 因检修线路、设备搬迁、工程割接、网络及软件升级等影响客户24小时内使用的，提前72小时告知客户；超过24小时或影响重要客户使用的，事先报主管部门批准。

            ## 六、日期说明

            - 工作日不含周末及法定节假日，含调休上班日；受理当日不计。
            - 回复期限：现网具备资源2个工作日；核心资源需建设或非成熟产品制定模板3个工作日；末端接入段维护优化单点2个工作日，两点及以上5个工作日。
            - 计划具备日期（按站点）：末端接入段维护优化为该站点回复期限后5个工作日；核心资源工程建设为该站点回复期限后30个工作日（暂定，以工程建设部答复的拟投产时间为准）。现网具备资源的站点不因其他站点的建设而推迟。

            ## 七、签字

            | 角色 | 签名 | 日期 |
            |---|---|---|
            | 回复：客户服务支撑中心 |  |  |
            | 接收：集团客户部 |  |  |

            """
        expectLines(form.markdown(language: .zh), expected)
    }

    @Test func writesOneCSVRowPerSiteAndSegment() throws {
        let form = try ReplyForm.make(plan: try ReportFixture.branchNeedingOptimisation())
        let csv = form.csv(language: .en)
        #expect(csv.hasPrefix("\u{FEFF}order,customer,product,"))
        let rows = csv.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(rows.count == 5)
        #expect(rows.last == "")
        let expected: [String] = [
            "T-1,测试客户,interconnect line,new,2026-09-30,Test line: one branch to optimise,2026-10-09,",
            "access optimisation,Network maintenance centre (网络维护中心),Branch,B-FAR,武汉市新洲区阳逻街1号,吴强,",
            "027-8690 1234,PTN (fibre transceiver + PTN) — ACC-2,access,end access,missing,",
            "\"2 km to ACC-2, but no free FE port (8 in use): maintenance must add a card\",",
            "access optimisation,Network maintenance centre (网络维护中心),2026-10-15,72,",
            "Cisco 1841: fit: supports what the line needs",
        ]
        #expect(rows[2] == expected.joined()[...])
    }

    @Test func quotesACustomerNameWithCommasAndQuotes() throws {
        let customer = #"某银行 "武汉", 分行"#
        let form = try ReplyForm.make(plan: try ReportFixture.branchNeedingOptimisation(customer: customer))
        let csv = form.csv(language: .zh)
        #expect(csv.contains("\r\nT-1,\"某银行 \"\"武汉\"\", 分行\",互联专线,新增,"))
        // A name that a spreadsheet would run as a formula is shown as text.
        let formula = try ReplyForm.make(
            plan: try ReportFixture.branchNeedingOptimisation(customer: "=HYPERLINK(\"http://x\",\"y\")"))
        #expect(formula.csv(language: .en).contains("\r\nT-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
        // Markdown keeps the table intact.
        let piped = try ReplyForm.make(plan: try ReportFixture.branchNeedingOptimisation(customer: "A|B *C*"))
        #expect(piped.markdown(language: .en).contains("| Customer | A\\|B \\*C\\* |"))
    }

    @Test func givesNoReadyDateWhenResourcesExist() throws {
        let form = try ReplyForm.make(plan: try ReportFixture.bankAPN())
        #expect(form.readyDate == nil)
        #expect(form.sites.map(\.readyDate) == [nil])
        #expect(form.markdown(language: .en).contains("| Planned ready date | — (resources exist now) |"))
        #expect(form.markdown(language: .zh).contains("| 计划具备日期 | —（现网具备） |"))
    }

    /// Compares line by line, so that a failure names the first line that differs.
    func expectLines(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, (left, right)) in zip(actualLines, expectedLines).enumerated() where left != right {
            Issue.record("line \(number + 1): \(left) ≠ \(right)", sourceLocation: sourceLocation)
            return
        }
        #expect(actualLines.count == expectedLines.count, sourceLocation: sourceLocation)
    }
}
