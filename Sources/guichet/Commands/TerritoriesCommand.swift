import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet territories …`: the territories (ZTEF) the scheme runs on, as named sets of bassins, and
/// their target delays. Acts as `Caller.commandLine`, like `guichet operators`.
struct TerritoriesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "territories",
    abstract: "Gère les territoires (ZTEF) : leurs bassins d'emploi, leur nom et leur délai cible.",
    discussion: """
      Exemple :
        guichet territories create "ZTEF Savoie" \\
          --bassin Chambéry --bassin Annecy --bassin 8410
        guichet territories set-target "ZTEF Savoie" --days 21
        guichet territories list --format json
      Un bassin se donne par son code ou son nom ; un territoire par son numéro ou son nom.
      """,
    subcommands: [
      TerritoriesListCommand.self, TerritoriesCreateCommand.self, TerritoriesRenameCommand.self,
      TerritoriesSetTargetCommand.self,
    ])

  /// A territory by number or name (accents and case aside), refused in French.
  static func territory(_ text: String, in database: AppDatabase) throws -> Territory {
    try OperatorsInput.territory(text, in: database)
  }
}

struct TerritoriesListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "Liste les territoires avec leurs bassins, leur nombre de communes et leur délai cible.")

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var id: Int64
    var name: String
    var targetDelayDays: Int
    var communes: Int
    var bassins: [BassinSummary]
  }

  func run() throws {
    let json = try CommandLineErrors.usage("territories list") { try output.isJSON }
    let territories = try CommandLineErrors.report {
      try location.open().territorySummaries(by: .commandLine)
    }
    if json {
      try OperatorsJSON.print(
        territories.map {
          Listed(
            id: $0.id, name: $0.name, targetDelayDays: $0.targetDelayDays,
            communes: $0.communeCount, bassins: $0.bassins)
        })
      return
    }
    for territory in territories {
      try StandardOutput.line(
        "\(territory.id)\t\(territory.name)\t\(territory.communeCount) communes\tdélai cible \(territory.targetDelayDays) j"
      )
      for bassin in territory.bassins {
        try StandardOutput.line(
          "\t  \(bassin.code) \(bassin.name) (\(bassin.communeCount) communes)")
      }
    }
  }
}

struct TerritoriesCreateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create",
    abstract: "Crée un territoire (ZTEF) réunissant des bassins d'emploi.")

  @Argument(help: ArgumentHelp("Nom du territoire.", valueName: "nom"))
  var name: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Un bassin (code ou nom) ; à répéter pour chaque bassin.", valueName: "bassin"))
  var bassin: [String] = []

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    try CommandLineErrors.usage("territories create") {
      guard !bassin.isEmpty else { throw UserError("indiquez au moins un bassin avec --bassin.") }
    }
    let created = try CommandLineErrors.report {
      let database = try location.open()
      let bassins = try database.bassinSummaries(by: .commandLine)
      let codes = try bassin.map { try TerritoriesInput.bassin($0, in: bassins, database).code }
      return try database.createTerritory(name: name, bassinCodes: codes, by: .commandLine)
    }
    try StandardOutput.line(
      "Territoire n° \(created.id) « \(created.name) » créé : \(created.bassins.count) bassins, \(created.communeCount) communes."
    )
  }
}

struct TerritoriesRenameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename", abstract: "Renomme un territoire.")

  @Argument(help: ArgumentHelp("Le territoire (numéro ou nom).", valueName: "territoire"))
  var territory: String

  @Argument(help: ArgumentHelp("Son nouveau nom.", valueName: "nom"))
  var name: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let renamed = try CommandLineErrors.report {
      let database = try location.open()
      let found = try TerritoriesCommand.territory(territory, in: database)
      return try database.renameTerritory(id: found.id, to: name, by: .commandLine)
    }
    try StandardOutput.line("Territoire n° \(renamed.id) renommé « \(renamed.name) ».")
  }
}

struct TerritoriesSetTargetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-target",
    abstract: "Fixe le délai cible d'un territoire : le rendez-vous est donné sous tant de jours.")

  @Argument(help: ArgumentHelp("Le territoire (numéro ou nom).", valueName: "territoire"))
  var territory: String

  @Option(name: .long, help: ArgumentHelp("Délai cible, de 1 à 365 jours.", valueName: "jours"))
  var days: Int

  @OptionGroup var location: DatabaseOptions

  func validate() throws {
    guard SupervisionTargetRange.targetDelayDays.contains(days) else {
      throw ValidationError("--days va de 1 à 365 jours (reçu \(days)).")
    }
  }

  func run() throws {
    let found = try CommandLineErrors.report { () throws -> Territory in
      let database = try location.open()
      let found = try TerritoriesCommand.territory(territory, in: database)
      try database.setTargetDelay(days: days, territoryID: found.id, by: .commandLine)
      return found
    }
    try StandardOutput.line("Délai cible de « \(found.name) » : \(days) jours.")
  }
}

/// `guichet sites …`: the first-level sites and the wait each announces.
struct SitesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sites",
    abstract: "Liste les sites d'accueil et fixe l'attente qu'ils annoncent.",
    subcommands: [SitesListCommand.self, SitesSetWaitCommand.self])
}

struct SitesListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Liste les sites avec leur attente annoncée (minutes).")

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var id: Int64
    var name: String
    var announcedWaitMinutes: Int
  }

  func run() throws {
    let json = try CommandLineErrors.usage("sites list") { try output.isJSON }
    let sites = try CommandLineErrors.report {
      try location.open().siteSummaries(by: .commandLine)
    }
    if json {
      try OperatorsJSON.print(
        sites.map {
          Listed(id: $0.id, name: $0.name, announcedWaitMinutes: $0.announcedWaitMinutes)
        })
      return
    }
    for site in sites {
      try StandardOutput.line(
        "\(site.id)\t\(site.name)\tattente annoncée \(site.announcedWaitMinutes) min")
    }
  }
}

struct SitesSetWaitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-wait",
    abstract: "Fixe l'attente qu'un site annonce aux personnes qui arrivent.")

  @Argument(help: ArgumentHelp("Le site (numéro ou nom).", valueName: "site"))
  var site: String

  @Option(
    name: .long, help: ArgumentHelp("Attente annoncée, de 1 à 240 minutes.", valueName: "minutes"))
  var minutes: Int

  @OptionGroup var location: DatabaseOptions

  func validate() throws {
    guard SupervisionTargetRange.announcedWaitMinutes.contains(minutes) else {
      throw ValidationError("--minutes va de 1 à 240 minutes (reçu \(minutes)).")
    }
  }

  func run() throws {
    let found = try CommandLineErrors.report { () throws -> SiteSummary in
      let database = try location.open()
      let found = try TerritoriesInput.site(site, in: database.siteSummaries(by: .commandLine))
      try database.setAnnouncedWait(minutes: minutes, siteID: found.id, by: .commandLine)
      return found
    }
    try StandardOutput.line("Attente annoncée de « \(found.name) » : \(minutes) minutes.")
  }
}

/// Bassins and sites named on the command line: by code or number, or by name with accents and case aside.
enum TerritoriesInput {
  /// A bassin by code, or by part of a commune, bassin or territory name as the territories screen offers
  /// them (`AppDatabase.bassins(matching:limit:by:)`): taken when the whole name matches one bassin only,
  /// else refused with the best matches first.
  static func bassin(_ text: String, in bassins: [BassinSummary], _ database: AppDatabase) throws
    -> BassinSummary
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let found = bassins.first(where: { $0.code == trimmed }) { return found }
    let matches = try database.bassins(matching: trimmed, limit: 5, by: .commandLine)
    if let found = matches.unambiguous { return found.bassin }
    let hint =
      matches.isEmpty
      ? "voyez guichet territories list"
      : "vouliez-vous dire "
        + matches.map { match in
          "\(match.bassin.code) \(match.bassin.name)" + (match.matchedBy.map { " (\($0))" } ?? "")
        }.joined(separator: ", ")
    throw UserError("bassin inconnu « \(TypedIn.shown(text)) » : \(hint).")
  }

  static func site(_ text: String, in sites: [SiteSummary]) throws(UserError) -> SiteSummary {
    if let id = Int64(text), let found = sites.first(where: { $0.id == id }) { return found }
    let key = SearchText.normalize(text)
    if let found = sites.first(where: { SearchText.normalize($0.name) == key }) { return found }
    let names = sites.prefix(8).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
    throw UserError(
      "site inconnu « \(TypedIn.shown(text)) »"
        + (sites.isEmpty ? " : aucun site n'est déclaré." : " ; sites : \(names)."))
  }
}
