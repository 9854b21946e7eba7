/// Which text editor the workspace uses. The editor is the editor engineer's (`TextEditor`,
/// `EditorBox`); until that lands on main the workspace runs on `EditorStandIn.swift`, which
/// has the same interface. Switching is these two lines and deleting the stand-in.
typealias WorkspaceEditor = StandInTextEditor
typealias WorkspaceEditorBox = StandInEditorBox
