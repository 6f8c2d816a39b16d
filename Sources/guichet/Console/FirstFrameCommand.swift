import ArgumentParser
import GuichetTerminal
import GuichetUI

/// Hidden: everything the console does up to its first frame, drawn into /dev/null, then exit. Used by
/// `guichet bench` to time a cold start without a terminal.
struct FirstFrameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "first-frame", shouldDisplay: false)

  @OptionGroup var location: DatabaseOptions
  @OptionGroup var deskOptions: DeskOptions
  @OptionGroup var idleLock: IdleLockOption
  @OptionGroup var witness: AuditWitnessOptions

  func run() throws {
    let session = try ConsoleSession.open(
      location: location, desk: deskOptions, idleLock: idleLock, witness: witness,
      systemLog: false)
    let terminal = try Terminal.offscreen(size: Size(width: 100, height: 30))
    defer { terminal.stop() }
    let runtime = Runtime(
      terminal: terminal, services: session.services, context: session.context,
      clock: session.clock)
    runtime.drawFirstFrame()
  }
}
