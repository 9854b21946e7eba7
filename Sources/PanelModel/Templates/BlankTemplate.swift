/// The blank panel: the example's analytical framework (6 criteria × 5 dimensions) with every
/// cell empty, and nothing else, for a panel that starts from scratch but charts what it hears
/// the same way.
extension PanelTemplates {
    public static let blank = PanelDocument(framework: standardFramework)

    /// The criteria and dimensions of the example's framework, with the same ids, so notes and
    /// exports made from either template line up.
    static var standardFramework: Framework {
        let criteria = ["Effectiveness", "Efficiency", "Equity", "Accountability", "Appropriacy", "Sufficiency"]
        let dimensions = ["Diagnosis", "Provision/ Funding", "Outcomes", "Mild/ Moderate/ Severe need", "Institutions"]
        return Framework(
            criteria: criteria.map { AxisItem(id: Identifier.slug("crit", $0), name: $0) },
            dimensions: dimensions.map { AxisItem(id: Identifier.slug("dim", $0), name: $0) }
        )
    }
}
