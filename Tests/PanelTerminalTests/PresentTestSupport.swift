import PanelModel
@testable import PanelTerminal

/// The test panel of the workspace tests, plus what the chair's views must cope with: a
/// criterion with no text at all ("Sustainability") and a cell longer than any screen.
enum PresentPanel {
    static let longText = (1...30).map { "Point \($0): co-production with parents varies from school to school." }
        .joined(separator: " ")

    static func make() -> PanelDocument {
        var document = TestPanel.make()
        document.framework.criteria.append(AxisItem(id: "crit-sustainability", name: "Sustainability"))
        document.framework[TestPanel.key("equity", "outcomes")] = longText
        return document
    }

    /// A workspace on this panel at the given size, by key names like the other workspace tests.
    static func driver(width: Int, height: Int) -> WorkspaceDriver {
        WorkspaceDriver(make(), width: width, height: height)
    }
}

extension WorkspaceDriver {
    /// The screen at the size the workspace was last told.
    var shown: String { screen(width: workspace.width, height: workspace.height).text }
}
