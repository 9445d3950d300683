import NetGraph

/// The bounds of a saved plan's numbers, as LinePlan writes them.
public enum SavedPlanBounds {
    /// The working days of a reply or a solution template: the policy's reply days are at most 60.
    public static let workingDays = 0...Int(PolicyKey.replyDaysCoreBuild.allowedRange.upperBound)
    /// The hours a fault may take to repair: the policy's repair hours.
    public static let repairHours =
        Int(PolicyKey.repairHoursTown.allowedRange.lowerBound)...Int(PolicyKey.repairHoursTown.allowedRange.upperBound)
    /// An 802.1Q VLAN id.
    public static let vlan = 1...4094
    /// The longest name of a configuration file, before `.<platform>.cfg`.
    public static let configNameLimit = 64
}
