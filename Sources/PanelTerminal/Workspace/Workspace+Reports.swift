import Foundation
import PanelModel

/// Reports in and out of the workspace: `:export FORMAT [PATH]`, `:import REPORT`, `:warnings`,
/// and a table pasted into the grid. The workspace computes what to write and what to change;
/// the host reads and writes the files (`AppEffect.exportFile`, `.readReport`) and replies
/// through `hostReplied`, so all of this is driven by keys in tests, without a disk.
extension Workspace {
    // MARK: Export

    /// `:export md`, `:export html ~/Desktop/panel.html`: the bytes, for the host to write.
    /// Without a path the file goes beside the store (panel.json → panel.md).
    mutating func exportCommand(_ rest: String) {
        let word = String(rest.prefix { $0 != " " })
        let pathText = Self.unquoted(rest.dropFirst(word.count).trimmingCharacters(in: .whitespaces))
        guard let format = ExportFormat(name: word) else {
            message = StatusMessage(text: "Export as what? :export markdown|html|csv|json [PATH]", isError: true)
            return
        }
        guard let path = exportPath(pathText, format: format) else {
            message = StatusMessage(text: "Where to? :export \(word) PATH — this panel has no file to write beside",
                                    isError: true)
            return
        }
        let bytes = Data(format.render(document).utf8)
        outbox.append(.exportFile(ExportRequest(path: path, bytes: bytes, formatName: format.displayName)))
        message = StatusMessage(text: "Exporting \(format.displayName) to \(path)…")
    }

    /// The path typed (with `~` expanded, relative to the current folder), or the store's own
    /// name with the format's extension.
    func exportPath(_ typed: String, format: ExportFormat) -> String? {
        guard typed.isEmpty else { return Self.absolutePath(typed) }
        guard let storeURL else { return nil }
        return storeURL.deletingPathExtension().appendingPathExtension(format.fileExtension).standardizedFileURL.path
    }

    /// "~/x" → "/home/me/x"; "x" → "/current/folder/x".
    static func absolutePath(_ typed: String) -> String {
        let expanded = NSString(string: typed).expandingTildeInPath
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }

    /// A path typed in quotes (it has spaces) is taken without them.
    static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'", "“"] where text.hasPrefix(quote) && text.count >= 2 {
            let close = quote == "“" ? "”" : quote
            if text.hasSuffix(close) { return String(text.dropFirst().dropLast()) }
        }
        return text
    }

    /// "12 KB": how big an export came out, as a clerk would say it.
    static func sizeInWords(_ bytes: Int) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\(Int((Double(bytes) / 1024).rounded())) KB" }
        return String(format: "%.1f MB", Double(bytes) / (1024 * 1024))
    }

    // MARK: Import

    /// `:import last-update.txt`: the host reads the file and hands its bytes back (`importReport`).
    mutating func importCommand(_ rest: String) {
        let typed = Self.unquoted(rest)
        guard !typed.isEmpty else {
            message = StatusMessage(text: "Import which report? :import PATH (a panel update in plain text)", isError: true)
            return
        }
        guard !readOnly else {
            message = StatusMessage(text: "read-only view: nothing can be changed here", isError: true)
            return
        }
        let path = Self.absolutePath(typed)
        outbox.append(.readReport(path: path))
        message = StatusMessage(text: "Reading \(path)…")
    }

    /// Merges the report into the panel as one change (one `u` undoes all of it) and says what
    /// changed and how many lines could not be placed (kept as imported notes; `:warnings`).
    mutating func importReport(_ data: Data, from path: String) {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let report: ImportedReport
        do {
            report = try ReportImporter.read(data, options: .init(fileName: name,
                                                                  now: Self.timestamp(now, timeZone: timeZone)))
        } catch {
            message = StatusMessage(text: "Could not import \(name): \(error) — the panel is unchanged", isError: true)
            return
        }
        let (edit, summary) = ImportMerge.edit(into: document, from: report.document, label: "import \(name)")
        importWarnings = ImportWarnings(file: name, list: report.warnings)
        let warnings = importWarnings.summary
        if edit.isNoOp {
            message = StatusMessage(text: "Imported \(name): nothing changed" + warnings)
            return
        }
        guard apply(edit) else { return }
        message = StatusMessage(text: "Imported \(name): \(summary) — u undoes" + warnings)
    }

    /// `:warnings`: the last import's warnings, one per use, in order, then round again.
    mutating func showNextWarning() {
        guard !importWarnings.list.isEmpty else {
            message = StatusMessage(text: "No warnings from an import in this session")
            return
        }
        let index = importWarnings.next % importWarnings.list.count
        importWarnings.next = index + 1
        let warning = importWarnings.list[index]
        message = StatusMessage(text: "\(importWarnings.file) warning \(index + 1) of \(importWarnings.list.count): "
            + PaneFrame.visible(warning.description) + (index + 1 < importWarnings.list.count ? " — :warnings for the next" : ""))
    }

    // MARK: Pasting a table into the grid

    /// Fills cells from the selected one, a tab-separated row per line; asks first when cells
    /// with text would be replaced. Cells beyond the grid are left out and counted.
    mutating func pasteIntoGrid(_ text: String) {
        guard !readOnly else {
            message = StatusMessage(text: "read-only view: nothing can be changed here", isError: true)
            return
        }
        guard let criterion = selection.criterion, let dimension = selection.dimension else {
            message = StatusMessage(text: "Nothing selected to paste into", isError: true)
            return
        }
        let rows = GridPaste.rows(text)
        let plan = GridPaste.plan(document, rows: rows, at: CellKey(criterion: criterion, dimension: dimension))
        let size = "\(rows.count)×\(rows.map(\.count).max() ?? 0)"
        guard plan.changed > 0 else {
            message = StatusMessage(text: "Pasted nothing: the \(size) cells hold that text already"
                                    + Self.outsideWords(plan.outside), isError: plan.outside > 0)
            return
        }
        guard plan.overwrites == 0 else {
            let question = "Paste \(size) cells, replacing \(plan.overwrites) that \(plan.overwrites == 1 ? "has" : "have") text?"
            mode = .prompt(Prompt(.ask(question: question, answer: .paste(plan))))
            return
        }
        applyPaste(plan)
    }

    private mutating func applyPaste(_ plan: GridPastePlan) {
        let kept = selection
        guard apply(plan.edit) else { return }
        // The paste starts at the cursor; the cursor stays there, as in a spreadsheet.
        selection.criterion = kept.criterion
        selection.dimension = kept.dimension
        message = StatusMessage(text: "Pasted \(plan.changed) cell\(plan.changed == 1 ? "" : "s") — u undoes"
                                + Self.outsideWords(plan.outside))
    }

    static func outsideWords(_ outside: Int) -> String {
        outside == 0 ? "" : " · \(outside) cell\(outside == 1 ? "" : "s") beyond the grid left out"
    }

    // MARK: y/n questions and the host's replies

    /// "y" does what was asked; "n" (or Esc) leaves everything as it was.
    mutating func answerPending(_ answer: PendingAnswer, key: Key) {
        switch key {
        case .char("y"), .char("Y"):
            mode = .normal
            switch answer {
            case .paste(let plan):
                applyPaste(plan)
            case .replaceExport(var request):
                request.replacing = true
                outbox.append(.exportFile(request))
                message = StatusMessage(text: "Exporting \(request.formatName) to \(request.path)…")
            }
        case .char("n"), .char("N"), Key(.escape), .ctrl("c"), .ctrl("g"):
            mode = .normal
            switch answer {
            case .paste: message = StatusMessage(text: "Nothing pasted")
            case .replaceExport(let request): message = StatusMessage(text: "Nothing exported: \(request.path) left as it was")
            }
        default:
            switch answer {
            case .paste: message = StatusMessage(text: "y pastes, n leaves the cells as they are", isError: true)
            case .replaceExport: message = StatusMessage(text: "y replaces the file, n keeps it", isError: true)
            }
        }
    }

    public mutating func hostReplied(_ reply: HostReply) -> [AppEffect] {
        outbox = []
        now = clock()
        switch reply {
        case .exported(let request):
            message = StatusMessage(text: "Exported \(request.formatName) to \(request.path) (\(Self.sizeInWords(request.bytes.count)))")
        case .exportExists(let request):
            let question = "\(request.path) exists — replace it with the \(request.formatName) export?"
            mode = .prompt(Prompt(.ask(question: question, answer: .replaceExport(request))))
        case let .exportFailed(request, reason):
            message = StatusMessage(text: "Could not export to \(request.path): \(reason)", isError: true)
        case let .reportRead(path, data):
            importReport(data, from: path)
        case let .readFailed(path, reason):
            message = StatusMessage(text: "Could not read \(path): \(reason)", isError: true)
        case let .synced(newer, succeeded):
            adoptSynced(newer, succeeded: succeeded)
        case .syncFailed(let reason):
            message = StatusMessage(text: "Sync failed: \(reason)", isError: true)
        }
        normalizeSelection()
        reveal()
        publishSelectionIfMoved()
        if readOnly { outbox.removeAll { $0.writesStore } }
        return outbox
    }
}

/// What a y/n prompt's "y" does for reports: apply a paste, or write an export over a file.
enum PendingAnswer: Equatable {
    case paste(GridPastePlan)
    case replaceExport(ExportRequest)
}

/// The last import's warnings, for `:warnings`.
struct ImportWarnings: Equatable {
    var file = ""
    var list: [ImportWarning] = []
    /// The one `:warnings` shows next.
    var next = 0

    /// " · 3 warnings — :warnings shows them (kept as imported notes)", or nothing.
    var summary: String {
        switch list.count {
        case 0: ""
        case 1: " · 1 warning — :warnings shows it (its line is kept as an imported note)"
        default: " · \(list.count) warnings — :warnings shows them (their lines are kept as imported notes)"
        }
    }
}

/// When a paste is a table: what Word and spreadsheets put on the clipboard has tabs between cells.
/// Text without a tab, even of several lines, is one cell's text and goes to the editor as before.
enum GridPasteText {
    static func isTable(_ text: String) -> Bool { text.contains("\t") }
}

extension Prompt {
    /// The question of a y/n prompt, whichever kind asks it.
    var yesNoQuestion: String? {
        switch kind {
        case .confirm(let question, _), .ask(let question, _): question
        default: nil
        }
    }

    var isYesNo: Bool { yesNoQuestion != nil }
}

extension ExportFormat {
    /// How status messages name the format.
    var displayName: String {
        switch self {
        case .markdown: "Markdown"
        case .html: "HTML"
        case .csv: "CSV"
        case .json: "JSON"
        }
    }
}
