import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet users …`: console accounts, managed from the host by the owner of the database file.
struct UsersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "users",
    abstract:
      "Gère les comptes de la console (agents, conseillers, superviseurs, administrateurs).",
    discussion: """
      Le mot de passe est demandé sans écho au terminal (ou lu sur une ligne de l'entrée standard),
      jamais sur la ligne de commande. Au moins 12 caractères ; 5 erreurs verrouillent le compte 15 minutes.
      Exemple :
        guichet users add --login cmartin --role conseiller --structure 12
      """,
    subcommands: [
      UsersAddCommand.self, UsersListCommand.self, UsersDisableCommand.self,
      UsersEnableCommand.self, UsersPasswordCommand.self,
    ])
}

struct UsersAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Crée un compte.")

  @Option(name: .long, help: ArgumentHelp("Identifiant de connexion.", valueName: "identifiant"))
  var login: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Rôle : agent, conseiller, superviseur ou administrateur.", valueName: "rôle"),
    completion: .list(["agent", "conseiller", "superviseur", "administrateur"]))
  var role: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Numéro de la structure du conseiller (guichet operators list).", valueName: "n"))
  var structure: Int64?

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let chosen = try CommandLineErrors.usage("users add") { () throws -> Role in
      guard let chosen = Role(typed: role) else {
        throw UserError(
          "rôle inconnu « \(TypedIn.shown(role)) » : agent, conseiller, superviseur ou administrateur."
        )
      }
      if chosen == .advisor && structure == nil {
        throw UserError("un conseiller est rattaché à une structure : ajoutez --structure.")
      }
      _ = try PasswordPolicy.validateLogin(login)
      return chosen
    }
    let path = location.path
    ExposureNotice.report(path: path)
    DatabaseLocation.announceIfNew(path)
    let account = try CommandLineErrors.report { () throws -> Account in
      let database = try AppDatabase.open(path: path)
      let password = try PasswordPrompt.read("Mot de passe de « \(login) » : ", confirm: true)
      return try database.createAccount(
        login: login, role: chosen, structureID: structure, password: password, by: .commandLine)
    }
    try StandardOutput.line(
      "Compte créé : \(account.login) (\(account.role.label)), n° \(account.id).")
  }
}

struct UsersListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Liste les comptes (sans mot de passe ni empreinte).")

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var id: Int64
    var login: String
    var role: String
    var structureId: Int64?
    var disabled: Bool
    var lockedUntil: Date?
  }

  func run() throws {
    let json = try CommandLineErrors.usage("users list") { try output.isJSON }
    let path = location.path
    ExposureNotice.report(path: path)
    DatabaseLocation.announceIfNew(path)
    let accounts = try CommandLineErrors.report {
      try AppDatabase.open(path: path).accounts(by: .commandLine)
    }
    let now = Date()
    if json {
      try OperatorsJSON.print(
        accounts.map {
          Listed(
            id: $0.id, login: $0.login, role: $0.role.rawValue, structureId: $0.structureID,
            disabled: $0.isDisabled, lockedUntil: $0.lockedUntil.flatMap { $0 > now ? $0 : nil })
        })
      return
    }
    if accounts.isEmpty {
      try StandardOutput.line(
        "Aucun compte : créez le premier administrateur avec « guichet users add ».")
    }
    for account in accounts {
      var notes: [String] = []
      if let structure = account.structureID { notes.append("structure \(structure)") }
      if account.isDisabled { notes.append("désactivé") }
      if let until = account.lockedUntil, until > now { notes.append("verrouillé") }
      let suffix = notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"
      try StandardOutput.line("\(account.id)\t\(account.login)\t\(account.role.label)\(suffix)")
    }
  }
}

struct UsersDisableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disable",
    abstract:
      "Désactive un compte (il reste dans le journal d'audit, il ne peut plus se connecter).")

  @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
  var login: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    try UsersActivation.set(disabled: true, login: login, location: location)
  }
}

struct UsersEnableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "enable",
    abstract:
      "Réactive un compte désactivé (avec son ancien mot de passe : guichet users passwd en donne un nouveau)."
  )

  @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
  var login: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    try UsersActivation.set(disabled: false, login: login, location: location)
  }
}

/// `users disable` and `users enable`: the store's one audited write, each way, as the service account.
enum UsersActivation {
  static func set(disabled: Bool, login: String, location: DatabaseOptions) throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let account = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      return disabled
        ? try database.disableAccount(login: login, by: .commandLine)
        : try database.enableAccount(login: login, by: .commandLine)
    }
    try StandardOutput.line(
      "\(disabled ? "Compte désactivé" : "Compte réactivé") : \(account.login).")
  }
}

struct UsersPasswordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "passwd",
    abstract: "Change le mot de passe d'un compte et lève son verrouillage.")

  @Argument(help: ArgumentHelp("Identifiant du compte.", valueName: "identifiant"))
  var login: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      let password = try PasswordPrompt.read(
        "Nouveau mot de passe de « \(login) » : ", confirm: true)
      try database.changePassword(login: login, to: password, by: .commandLine)
    }
    try StandardOutput.line("Mot de passe changé : \(login).")
  }
}
