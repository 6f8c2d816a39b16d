import Foundation
import Testing

/// Terminals a reception desk really has: line-only, unknown, old monochrome ones, and `NO_COLOR`.
@Suite(.serialized) struct TerminalConditionTests {
  @Test(arguments: ["dumb", "guichet-inconnu"])
  func aTerminalWithoutCursorAddressingIsRefusedInFrench(term: String) throws {
    let console = try TmuxConsole(environment: ["TERM": term])
    let screen = try console.waitFor("__EXIT__1")
    #expect(screen.contains("guichet : "), "\(screen)")
    #expect(screen.contains("TERM=xterm-256color"), "\(screen)")
  }

  @Test(arguments: [["TERM": "vt100"], ["NO_COLOR": "1"]])
  func monochromeTerminalsStayUsable(environment: [String: String]) throws {
    let console = try TmuxConsole(environment: environment)
    try console.waitFor("Nouvelle visite (au guichet)")
    let styled = try console.tmux(["capture-pane", "-p", "-e", "-t", "0"])
    // No colour pair at all (SGR 30–37, 38, 40–47), yet reverse video still marks the selection.
    let colour = try Regex("\u{1B}\\[[0-9;]*(3[0-8]|4[0-7])[;m]")
    #expect(styled.firstMatch(of: colour) == nil, "\(styled.debugDescription)")
    #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "\(styled.debugDescription)")
    try console.startVisit()
    try console.press("Escape", "F10")
    try console.waitFor("__EXIT__0")
  }
}
