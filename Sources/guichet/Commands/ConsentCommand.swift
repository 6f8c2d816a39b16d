import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet consent …`: the versioned texts read to a person before a booking. A version, once published,
/// is never changed: a new wording is a new version, used from the next booking on.
struct ConsentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "consent",
    abstract: "Publie et liste les versions du texte de consentement.",
    discussion: """
      Le texte doit contenir {structure} (remplacé par le nom de la structure) et peut contenir {duree}
      (la durée de conservation en jours). Les consentements déjà donnés gardent leur version.
      Exemple :
        guichet consent publish --file texte-cio.txt --kind cio --retention-days 90
      """,
    subcommands: [ConsentPublishCommand.self, ConsentListCommand.self])
}

struct ConsentPublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Publie une nouvelle version, pour tous les types de structure ou pour un seul.")

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Fichier du texte (UTF-8), ou - pour l'entrée standard.", valueName: "fichier"))
  var file: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Type de structure concerné (\(OperatorsInput.kindNames)) ; sans cette option : tous.",
      valueName: "type"), completion: OperatorsInput.kindCompletion)
  var kind: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Jours de conservation des coordonnées après le rendez-vous (1 à 3650).",
      valueName: "jours"))
  var retentionDays: Int = ConsentText.initialRetentionDays

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let chosen = try CommandLineErrors.usage("consent publish") { () throws -> OperatorKind? in
      try kind.map(OperatorsInput.kind)
    }
    let body = try CommandLineErrors.report { try ConsentTextFile.read(file) }
    let path = location.path
    ExposureNotice.report(path: path)
    DatabaseLocation.announceIfNew(path)
    let text = try CommandLineErrors.report {
      try AppDatabase.open(path: path).publishConsentText(
        body: body, retentionDays: retentionDays, operatorKind: chosen, by: .commandLine)
    }
    try StandardOutput.line(
      "Version \(text.version) publiée (\(ConsentTextFile.scope(text.operatorKind))) : elle sera lue dès la prochaine prise de rendez-vous."
    )
  }
}

struct ConsentListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Liste les versions publiées, la plus ancienne d'abord.")

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var version: Int
    var operatorKind: String?
    var retentionDays: Int
    var publishedAt: Date
    var body: String
  }

  func run() throws {
    let json = try CommandLineErrors.usage("consent list") { try output.isJSON }
    let path = location.path
    ExposureNotice.report(path: path)
    DatabaseLocation.announceIfNew(path)
    let texts = try CommandLineErrors.report { try AppDatabase.open(path: path).consentTexts() }
    if json {
      try OperatorsJSON.print(
        texts.map {
          Listed(
            version: $0.version, operatorKind: $0.operatorKind?.rawValue,
            retentionDays: $0.retentionDays, publishedAt: $0.publishedAt, body: $0.body)
        })
      return
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "fr_FR")
    formatter.dateFormat = "dd/MM/yyyy HH:mm"
    for text in texts {
      try StandardOutput.line(
        "v\(text.version)\t\(ConsentTextFile.scope(text.operatorKind))\t\(text.retentionDays) jours\tpublié le \(formatter.string(from: text.publishedAt))"
      )
      for line in text.body.split(separator: "\n", omittingEmptySubsequences: false) {
        try StandardOutput.line("    \(line)")
      }
    }
  }
}

/// Reading a text to publish: UTF-8 only and of a readable length, so no half-decoded words are published.
enum ConsentTextFile {
  static let maximumBytes = 20_000

  static func read(_ file: String) throws -> String {
    let data: Data
    if file == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let read = FileManager.default.contents(atPath: file) else {
        throw UserError("fichier illisible : \(TypedIn.shown(file)).")
      }
      data = read
    }
    guard data.count <= maximumBytes else {
      throw UserError("texte trop long (plus de \(maximumBytes) octets).")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw UserError("le texte n'est pas en UTF-8 : enregistrez-le en UTF-8 et recommencez.")
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func scope(_ kind: OperatorKind?) -> String {
    kind.map { "pour \($0.label)" } ?? "pour toutes les structures"
  }
}
