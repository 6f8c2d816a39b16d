import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract:
      "Crée ou met à jour la base de données, et déclare le site et le poste (sans effet si déjà fait)."
  )

  @OptionGroup var location: DatabaseOptions
  @OptionGroup var deskOptions: DeskOptions

  func run() throws {
    let workplace = try location.report { database in
      return try database.workplace(
        siteName: deskOptions.siteName ?? DeskOptions.defaultSite,
        deskName: deskOptions.deskName ?? DeskOptions.defaultDesk)
    }
    try StandardOutput.line("Base prête : \(location.path)")
    try StandardOutput.line("Site : \(workplace.siteName) · Poste : \(workplace.deskName)")
  }
}

/// Prints a French message on stderr and exits non-zero instead of dumping a Swift error.
enum CommandLineErrors {
  static func report<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as UserError {
      CommandLineMessage.error(error.message)
      throw ExitCode.failure
    }
  }
}
