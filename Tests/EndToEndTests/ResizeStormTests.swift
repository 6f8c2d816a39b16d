import Foundation
import Testing

/// 300 resizes from 1×1 to 300×100 sent by one tmux client (well under a second), then back to 100×30.
@Suite struct ResizeStormTests {
  @Test func aResizeStormLeavesACorrectLayout() throws {
    let console = try TmuxConsole()
    try console.waitFor("Nouvelle visite (au guichet)")
    var random = SystemRandomNumberGenerator()
    var commands: [String] = []
    for index in 0..<300 {
      let width = index == 0 ? 1 : Int.random(in: 1...300, using: &random)
      let height = index == 0 ? 1 : Int.random(in: 1...100, using: &random)
      if !commands.isEmpty { commands.append(";") }
      commands += ["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"]
    }
    let start = Date()
    try console.tmux(commands)
    let elapsed = Date().timeIntervalSince(start)
    try console.resize(width: 100, height: 30)
    let screen = try console.waitFor("File d'attente")
    #expect(elapsed < 1, "the storm took \(elapsed) s")
    #expect(screen.contains("Nouvelle visite (au guichet)"))
    #expect(!screen.contains("Agrandissez"))
    try console.startVisit()
    try console.press("Escape", "F10")
    try console.waitFor("__EXIT__0")
  }
}
