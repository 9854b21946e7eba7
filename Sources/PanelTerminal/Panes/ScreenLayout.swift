/// Where each part of the workspace goes on a screen of a given size: the title bar on top,
/// the schedule down the left, the framework grid over the questions on the right, and the
/// hint line at the bottom. Pure arithmetic, so panes, scrolling and the editor's anchor all
/// agree on the same rectangles.
struct ScreenLayout: Equatable {
    static let minimumWidth = 80
    static let minimumHeight = 24

    let width: Int
    let height: Int
    let titleBar: Rect
    let schedule: Rect
    let framework: Rect
    let questions: Rect
    let bottomLine: Rect

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        bottomLine = Rect(x: 0, y: height - 1, width: width, height: 1)
        let bodyHeight = max(0, height - 2)
        // The schedule is a list of short lines: a fixed share, the grid gets the rest.
        let scheduleWidth = width < 100 ? 30 : min(48, width * 3 / 10)
        schedule = Rect(x: 0, y: 1, width: scheduleWidth, height: bodyHeight)
        let questionsHeight = max(6, bodyHeight * 3 / 10)
        framework = Rect(x: scheduleWidth, y: 1, width: width - scheduleWidth, height: bodyHeight - questionsHeight)
        questions = Rect(x: scheduleWidth, y: 1 + framework.height, width: width - scheduleWidth, height: questionsHeight)
    }

    /// Everything between the title bar and the bottom line: where an editor box may grow.
    var body: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 2)) }

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    func rect(of pane: Pane) -> Rect {
        switch pane {
        case .schedule: schedule
        case .framework: framework
        case .questions: questions
        }
    }
}

/// The three panes, in the order Tab visits them.
enum Pane: Int, CaseIterable, Codable, Sendable {
    case schedule, framework, questions

    var title: String {
        switch self {
        case .schedule: "Schedule"
        case .framework: "Framework"
        case .questions: "Questions"
        }
    }

    var context: KeyContext {
        switch self {
        case .schedule: .schedule
        case .framework: .grid
        case .questions: .questions
        }
    }
}
