import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet operators list`: structures with their numbers, territories and advisors, the numbers the other
/// `operators` commands take.
struct OperatorsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Liste les structures, leurs territoires et leurs conseillers (avec leurs numéros).",
    discussion: "Types : \(OperatorsInput.kindNames).")

  @Option(
    name: .long, help: ArgumentHelp("Seulement ce type de structure.", valueName: "type"),
    completion: OperatorsInput.kindCompletion)
  var kind: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Seulement les structures de ce territoire (numéro ou nom).", valueName: "territoire"))
  var territory: String?

  @Flag(name: .long, help: "Inclut les structures et conseillers retirés.")
  var all = false

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var id: Int64
    var kind: String
    var kindLabel: String
    var name: String
    /// The directory id, which `guichet operators import` takes in its `structure` column.
    var reference: String?
    var address: String
    var phone: String?
    var inseeCode: String?
    var commune: String?
    var bassin: String?
    var note: String?
    var territories: [String]
    var active: Bool
    var advisors: [ListedAdvisor]
  }

  struct ListedAdvisor: Encodable {
    var id: Int64
    var name: String
    var active: Bool
  }

  func run() throws {
    let chosenKind = try CommandLineErrors.usage("operators list") {
      _ = try output.isJSON
      return try kind.map(OperatorsInput.kind)
    }
    let listed = try location.report { (database: AppDatabase) throws -> [Listed] in
      let territories = try database.territories()
      let territoryID = try territory.map { try OperatorsInput.territory($0, in: database).id }
      let names = Dictionary(territories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
      let structures = try database.operatorStructures(
        kind: chosenKind, territoryID: territoryID, includeInactive: all)
      let places = try database.communePlaces(structures.compactMap(\.inseeCode))
      return try structures.compactMap { structure in
        guard let id = structure.id else { return nil }
        let advisors = try database.advisors(structureID: id, includeInactive: all)
        return Listed(
          id: id, kind: structure.kind.rawValue, kindLabel: structure.kind.label,
          name: structure.name, reference: structure.sourceID, address: structure.fullAddress,
          phone: structure.phone, inseeCode: structure.inseeCode,
          commune: structure.inseeCode.flatMap { places[$0]?.commune },
          bassin: structure.inseeCode.flatMap { places[$0]?.bassin }, note: structure.note,
          territories: structure.territoryIDs.map { names[$0] ?? "n° \($0)" },
          active: structure.isActive,
          advisors: advisors.compactMap { advisor in
            advisor.id.map {
              ListedAdvisor(id: $0, name: advisor.displayName, active: advisor.isActive)
            }
          })
      }
    }
    if try output.isJSON {
      try OperatorsJSON.print(listed)
      return
    }
    guard !listed.isEmpty else {
      try StandardOutput.line(
        "Aucune structure. Ajoutez-en une : guichet operators add-structure --help")
      return
    }
    for structure in listed {
      var line = "\(structure.id)  \(structure.name) — \(structure.kindLabel)"
      if !structure.active { line += " (retirée)" }
      try StandardOutput.line(line)
      if let reference = structure.reference {
        try StandardOutput.line("    Référence : \(reference)")
      }
      if !structure.address.isEmpty { try StandardOutput.line("    \(structure.address)") }
      try StandardOutput.line(
        "    Tél. : \(structure.phone ?? "non renseigné (obligatoire pour prendre des rendez-vous)")"
      )
      if let note = structure.note { try StandardOutput.line("    À noter : \(note)") }
      if !structure.territories.isEmpty {
        try StandardOutput.line(
          "    Territoires : \(structure.territories.joined(separator: ", "))")
      }
      if structure.advisors.isEmpty {
        try StandardOutput.line("    Aucun conseiller")
      }
      for advisor in structure.advisors {
        try StandardOutput.line(
          "    conseiller \(advisor.id)  \(advisor.name)\(advisor.active ? "" : " (retiré)")")
      }
    }
    try StandardOutput.line("\(listed.count) structure\(listed.count > 1 ? "s" : "").")
  }
}
