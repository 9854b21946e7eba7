/// Reads the analytical framework table: a header row of dimensions after an empty corner
/// cell, then one row per criterion, its first cell the criterion's name. Rows often end with
/// empty cells (trailing tabs); text in columns beyond the header has nowhere to go, so it is
/// kept as an imported note and reported.
enum ReportFramework {
    static func read(_ rows: [ReportLine], into builder: inout ReportBuilder) {
        var framework = builder.document.framework
        let names = ReportText.trimmedCells(rows[0].text).dropFirst()
        var dimensions: [AxisItem] = []
        for (i, raw) in names.enumerated() {
            var name = raw
            if name.isEmpty {
                name = "Column \(i + 2)"
                builder.warn(rows[0].number, "column \(i + 2) of the framework has no heading; it is named “\(name)”")
            }
            dimensions.append(AxisItem(id: builder.makeID("dim", name), name: name))
        }
        framework.dimensions += dimensions

        for row in rows.dropFirst() {
            let cells = ReportText.cells(row.text)
            let name = cells[0]
            let texts = Array(cells.dropFirst())
            if name.isEmpty {
                if texts.contains(where: { !$0.isEmpty }) {
                    builder.keep(row, reason: "a framework row without a criterion name")
                }
                continue
            }
            let criterion = AxisItem(id: builder.makeID("crit", name), name: name)
            framework.criteria.append(criterion)
            for (dimension, text) in zip(dimensions, texts) where !text.isEmpty {
                framework[criterion.id, dimension.id] = text
            }
            let beyond = texts.dropFirst(dimensions.count).filter { !$0.isEmpty }
            if !beyond.isEmpty {
                builder.keep(ReportLine(number: row.number, text: name + ": " + beyond.joined(separator: "\t")),
                             reason: "text beyond the last framework column (row “\(name)”)")
            }
        }
        builder.document.framework = framework
        builder.foundStructure = true
    }
}
