import NetGraph
import Orders
import Planning
import TestSupport

/// Plans an order on a network (the hand-drawn fixture by default), every router judged `verdict`.
func planOrder(_ loaded: LoadedOrder, network: Network = PlanningFixture.network(), verdict: String = "ok") throws
    -> Plan
{
    let context = PlanningContext(
        network: network, routerCheck: { site, _ in RouterAnswer(model: site.router, verdict: verdict, reasons: []) })
    return try Planner(context: context).plan(loaded)
}
