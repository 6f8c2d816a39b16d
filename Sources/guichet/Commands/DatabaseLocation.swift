import ArgumentParser
import Foundation
import GuichetStore

/// Where the shared database lives: `--database`, else `GUICHET_DATABASE`, else the XDG data folder.
struct DatabaseOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Chemin du fichier de base de données (sinon GUICHET_DATABASE, sinon $XDG_DATA_HOME/guichet/guichet.sqlite).",
      valueName: "chemin"), completion: .file())
  var database: String?

  var path: String {
    DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
  }

  /// The database these options name, created with its reference data on first use (and said so).
  func open() throws -> AppDatabase {
    let path = self.path
    DatabaseLocation.announceIfNew(path)
    return try AppDatabase.open(path: path)
  }

  /// `body` on the database these options name, its failures reported in French (see `CommandLineErrors`).
  func report<T>(_ body: (AppDatabase) throws -> T) throws -> T {
    try CommandLineErrors.report { try body(open()) }
  }

  /// An empty path is a mistake (an unset shell variable), not a request for the default file.
  func validate() throws {
    if database?.isEmpty == true {
      throw ValidationError("--database attend un chemin de fichier, pas une valeur vide.")
    }
    if database == nil, ProcessInfo.processInfo.environment["GUICHET_DATABASE"]?.isEmpty == true {
      throw ValidationError(
        "GUICHET_DATABASE est vide : indiquez un chemin de fichier, ou supprimez la variable.")
    }
  }
}

enum DatabaseLocation {
  /// The first opening creates the file and loads the bundled reference data, which takes a few seconds:
  /// say so, rather than leave the agent in front of a silent terminal.
  static func announceIfNew(_ path: String) {
    // lstat, not stat: a dangling link is refused later, not announced as a new base.
    var info = stat()
    guard lstat(path, &info) != 0 else { return }
    let message =
      "Création de la base « \(path) » et chargement des données de référence (quelques secondes)…\n"
    FileHandle.standardError.write(Data(message.utf8))
  }

  static func resolve(option: String?, environment: [String: String]) -> String {
    if let option { return expand(option, environment) }
    if let variable = environment["GUICHET_DATABASE"] { return expand(variable, environment) }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
    return dataHome + "/guichet/guichet.sqlite"
  }

  static func expand(_ path: String, _ environment: [String: String]) -> String {
    guard path.hasPrefix("~/") else { return path }
    return (environment["HOME"] ?? NSHomeDirectory()) + String(path.dropFirst(1))
  }
}

/// Which desk this process is: names given on the command line or in the environment.
struct DeskOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Nom du site (point d'accueil).", valueName: "nom"))
  var site: String?

  @Option(name: .long, help: ArgumentHelp("Nom du poste d'accueil.", valueName: "nom"))
  var desk: String?

  static let defaultSite = "Point d'accueil"
  static let defaultDesk = "Poste 1"

  var siteName: String? { site ?? ProcessInfo.processInfo.environment["GUICHET_SITE"] }
  var deskName: String? { desk ?? ProcessInfo.processInfo.environment["GUICHET_DESK"] }
}
