import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore
import GuichetTerminal
import GuichetUI

struct ConsoleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Ouvre la console plein écran du poste d'accueil (commande par défaut).")

  @OptionGroup var location: DatabaseOptions
  @OptionGroup var deskOptions: DeskOptions

  func run() throws {
    let path = location.path
    let (database, workplace) = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      return (database, try chooseWorkplace(database))
    }
    let territories = try CommandLineErrors.report { try database.territories() }
    let context = AppContext(
      workplace: workplace, now: Date(),
      territoryNames: Dictionary(
        territories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    let terminal: Terminal
    do {
      terminal = try Terminal.start()
    } catch {
      FileHandle.standardError.write(Data("guichet : \(error.message)\n".utf8))
      throw ExitCode.failure
    }
    let runtime = Runtime(
      terminal: terminal, services: .live(database, workplace: workplace), context: context)
    runtime.run()
    if let signal = terminal.pendingTerminationSignal { throw ExitCode(128 + signal) }
  }

  /// The desk named on the command line, else the only declared desk, else the default one.
  func chooseWorkplace(_ database: AppDatabase) throws -> Workplace {
    if deskOptions.siteName != nil || deskOptions.deskName != nil {
      return try database.workplace(
        siteName: deskOptions.siteName ?? DeskOptions.defaultSite,
        deskName: deskOptions.deskName ?? DeskOptions.defaultDesk)
    }
    let known = try database.workplaces()
    if known.count == 1 { return known[0] }
    if known.isEmpty {
      return try database.workplace(
        siteName: DeskOptions.defaultSite, deskName: DeskOptions.defaultDesk)
    }
    let list = known.map { "  --site \"\($0.siteName)\" --desk \"\($0.deskName)\"" }.joined(
      separator: "\n")
    throw UserError("Plusieurs postes sont déclarés dans cette base ; précisez lequel :\n\(list)")
  }
}
