import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet operators add-structure`: a local structure of an operator network.
struct OperatorsAddStructureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-structure",
    abstract: "Ajoute une structure (Mission locale, CIO, APEC…) et les territoires qu'elle sert.",
    discussion: "Types : \(OperatorsInput.kindNames).")

  @Option(
    name: .long, help: ArgumentHelp("Type de structure.", valueName: "type"),
    completion: OperatorsInput.kindCompletion)
  var kind: String

  @Option(name: .long, help: ArgumentHelp("Nom affiché.", valueName: "nom"))
  var name: String

  @Option(name: .long, help: ArgumentHelp("Adresse (rue).", valueName: "adresse"))
  var address: String?

  @Option(name: .long, help: ArgumentHelp("Code postal.", valueName: "cp"))
  var postcode: String?

  @Option(name: .long, help: ArgumentHelp("Commune.", valueName: "commune"))
  var city: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Téléphone de l'accueil (obligatoire avant d'ajouter un conseiller : il figure sur la convocation).",
      valueName: "tél"))
  var phone: String?

  @Option(name: .long, help: ArgumentHelp("Courriel de l'accueil.", valueName: "courriel"))
  var email: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Territoire servi (numéro ou nom), répétable.", valueName: "territoire"))
  var territory: [String] = []

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let chosenKind = try CommandLineErrors.usage("operators add-structure") {
      _ = try output.isJSON
      if let postcode, !postcode.isEmpty,
        postcode.count != 5 || !postcode.allSatisfy(\.isASCII) || Int(postcode) == nil
      {
        throw UserError(
          "--postcode attend 5 chiffres (reçu « \(TypedIn.shown(postcode)) »).")
      }
      return try OperatorsInput.kind(kind)
    }
    let saved = try location.report { database in
      let ids = try territory.map { try OperatorsInput.territory($0, in: database).id }
      return try database.saveOperatorStructure(
        OperatorStructure(
          kind: chosenKind, name: name, address: address, postcode: postcode, city: city,
          phone: phone, email: email, territoryIDs: ids), by: .commandLine)
    }
    if try output.isJSON {
      try OperatorsJSON.print(["id": saved.id ?? 0])
    } else {
      try StandardOutput.line(
        "Structure \(saved.id ?? 0) ajoutée : \(saved.name) (\(saved.kind.label)).")
    }
  }
}

/// `guichet operators add-advisor`: an advisor of a structure, bookable once a rule is added.
struct OperatorsAddAdvisorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-advisor",
    abstract: "Ajoute un conseiller à une structure.")

  @Option(name: .long, help: ArgumentHelp("Numéro de la structure (voir list).", valueName: "n°"))
  var structure: String

  @Option(
    name: .long, help: ArgumentHelp("Nom affiché sur l'agenda et la convocation.", valueName: "nom")
  )
  var name: String

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let structureID = try CommandLineErrors.usage("operators add-advisor") {
      _ = try output.isJSON
      return try OperatorsInput.identifier(structure, "--structure")
    }
    let saved = try location.report { database in
      guard try database.operatorStructure(id: structureID) != nil else {
        throw UserError("aucune structure n° \(structureID) (voir : guichet operators list).")
      }
      return try database.saveAdvisor(
        Advisor(structureID: structureID, displayName: name), by: .commandLine)
    }
    if try output.isJSON {
      try OperatorsJSON.print(["id": saved.id ?? 0])
    } else {
      try StandardOutput.line("Conseiller \(saved.id ?? 0) ajouté : \(saved.displayName).")
      try StandardOutput.line(
        "Ajoutez ses plages : guichet operators add-rule --advisor \(saved.id ?? 0) --help")
    }
  }
}

/// `guichet operators remove-advisor`: no new bookings; refused while appointments are still to come.
struct OperatorsRemoveAdvisorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove-advisor",
    abstract: "Retire un conseiller (ses rendez-vous passés restent ; refusé s'il en a à venir).")

  @Argument(help: ArgumentHelp("Numéro du conseiller.", valueName: "n°"))
  var advisor: String

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let advisorID = try CommandLineErrors.usage("operators remove-advisor") {
      try OperatorsInput.identifier(advisor, "le numéro du conseiller")
    }
    let path = location.path
    let name = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      guard let found = try database.advisor(id: advisorID) else {
        throw UserError("aucun conseiller n° \(advisorID) (voir : guichet operators list).")
      }
      try database.removeAdvisor(id: advisorID, by: .commandLine)
      return found.displayName
    }
    try StandardOutput.line("Conseiller \(advisorID) retiré : \(name).")
  }
}
