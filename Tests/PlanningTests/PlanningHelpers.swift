import Devices
import NetGraph
import Orders
import Planning
import TestSupport

/// Plans an order on a network (the hand-drawn fixture by default), every router judged `verdict`.
func planOrder(
    _ loaded: LoadedOrder, network: Network = PlanningFixture.network(), verdict: CapabilityVerdict.Kind = .ok
) throws
    -> Plan
{
    let context = PlanningContext(
        network: network, routerCheck: { site, _ in RouterAnswer(model: site.router, verdict: verdict) })
    return try Planner(context: context).plan(loaded)
}

/// A segment check as text, for comparing with the English a reader sees.
struct CheckText: Equatable, CustomStringConvertible {
    var segment: String
    var status: String
    var reason: String

    var description: String { "\(segment) \(status): \(reason)" }
}

extension SegmentCheck {
    /// The check as its English text.
    var text: CheckText { CheckText(segment: segment.rawValue, status: status.rawValue, reason: reason) }
}
