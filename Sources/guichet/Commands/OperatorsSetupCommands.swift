import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet operators import`: structures, advisors, opening rules and absences from one CSV file (format in the
/// README, `--example` prints one), all or nothing.
struct OperatorsImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Importe structures, conseillers, plages et absences depuis un fichier CSV (tout ou rien).",
    discussion: """
      Une ligne par élément, la colonne « objet » dit lequel : structure, conseiller, plage ou absence.
      Séparateur ; ou , ; UTF-8 (avec ou sans BOM) ou Windows-1252, comme un tableur l'enregistre.
      Une structure de l'annuaire (agence France Travail…) se désigne par sa référence (guichet operators list).
      Une cellule vide garde la valeur enregistrée. Réimporter le même fichier ne change rien.
      Modèle : guichet operators import --example > structures.csv
      Depuis l'entrée standard : guichet operators import -
      """)

  @Argument(help: ArgumentHelp("Fichier CSV, ou - pour l'entrée standard.", valueName: "fichier"))
  var file: String?

  @Flag(name: .long, help: "Affiche un petit fichier valide, à adapter, sans rien importer.")
  var example = false

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let source = try CommandLineErrors.usage("operators import") { () throws -> String? in
      switch (file, example) {
      case (nil, true): return nil
      case (let file?, false): return file
      case (nil, false):
        throw UserError("indiquez le fichier à importer (ou - pour l'entrée standard).")
      case (_?, true): throw UserError("--example n'importe rien : il ne prend pas de fichier.")
      }
    }
    guard let source else {
      try StandardOutput.write(OperatorsSetupFile.example)
      return
    }
    let name = source == "-" ? "l'entrée standard" : URL(fileURLWithPath: source).lastPathComponent
    let data = try CommandLineErrors.report { () throws -> Data in
      if source == "-" { return Self.standardInput() }
      guard FileManager.default.isReadableFile(atPath: source),
        let data = FileManager.default.contents(atPath: source)
      else { throw UserError("fichier introuvable ou illisible : \(SafeText.clean(source)).") }
      return data
    }
    let path = location.path
    DatabaseLocation.announceIfNew(path)
    let summary = try CommandLineErrors.reportImport {
      try AppDatabase.open(path: path).importOperatorsSetup(data, name: name, by: .commandLine)
    }
    try StandardOutput.line(Self.describe(summary, name: name))
  }

  /// Everything on standard input (a pipe from `--example`, a redirected file).
  static func standardInput() -> Data {
    FileHandle.standardInput.readDataToEndOfFile()
  }

  static func describe(_ summary: OperatorsSetupFile.Summary, name: String) -> String {
    func count(_ value: Int, _ singular: String, _ plural: String) -> String? {
      value == 0 ? nil : "\(value) \(value > 1 ? plural : singular)"
    }
    guard summary.changed else {
      return
        "Rien n'a changé : \(summary.unchanged > 1 ? "les \(summary.unchanged) lignes" : "la ligne") de \(name) \(summary.unchanged > 1 ? "sont" : "est") déjà en place."
    }
    let parts = [
      count(summary.structuresAdded, "structure ajoutée", "structures ajoutées"),
      count(summary.structuresUpdated, "structure mise à jour", "structures mises à jour"),
      count(summary.advisorsAdded, "conseiller ajouté", "conseillers ajoutés"),
      count(summary.rulesAdded, "plage ajoutée", "plages ajoutées"),
      count(summary.absencesAdded, "absence ajoutée", "absences ajoutées"),
      count(summary.unchanged, "ligne déjà en place", "lignes déjà en place"),
    ].compactMap { $0 }
    return "Import de \(name) : \(parts.joined(separator: ", "))."
  }
}

/// `guichet operators export`: the site's set-up in the import format, on standard output.
struct OperatorsExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Écrit structures, conseillers, plages et absences au format de guichet operators import.",
    discussion: """
      Exemple : guichet operators export > structures.csv
      Les structures de l'annuaire laissées telles que publiées ne sont pas écrites : une base neuve les a déjà.
      """)

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    let text = try CommandLineErrors.report {
      try AppDatabase.open(path: path).exportOperatorsSetup(by: .commandLine)
    }
    try StandardOutput.write(text)
  }
}
